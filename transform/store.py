"""The decision store: the only module that speaks SQL.

SQLite in WAL mode by default; everything else goes through ``Store`` so that a
move to PostgreSQL touches this module and transform/migrations.py only (the SQL
here keeps to what both understand: ``ON CONFLICT ... DO UPDATE``, window
functions, explicit NULL ordering).

Records are kept whole as JSON (``data``) with a few key columns beside them for
querying. Parsers deliver partial records; ``merge_page`` folds them into the
full record by id. Reads return plain dicts: the schema record plus its
provenance fields.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path

from transform import attachment_files
from transform.derive import derive_fields
from transform.migrations import MIGRATIONS
from transform.precedence import ranked_meeting_partial, ranked_partial
from transform.schema import (
    FIELDS_BY_TYPE,
    ID_INFIX,
    PROVENANCE_FIELDS,
    DerivedType,
    PageKind,
    RecordType,
    SchemaError,
    split_id,
    validate_record,
)


class StoreError(RuntimeError):
    """The store cannot do what was asked (the message says why)."""


class RunKind(StrEnum):
    HARVEST = "harvest"
    TRANSFORM = "transform"
    BUILD = "build"
    EXPORT = "export"
    NIGHTLY = "nightly"


class RunStatus(StrEnum):
    RUNNING = "running"
    OK = "ok"
    PARTIAL = "partial"  # finished, but some documents or requests failed
    FAILED = "failed"  # stopped early


TABLES = {
    RecordType.MUNICIPALITY: "municipalities",
    RecordType.ORGANIZATION: "organizations",
    RecordType.MEETING: "meetings",
    RecordType.ACTION: "actions",
}
DERIVED_TABLES = {DerivedType.ITEM: "items", DerivedType.MATTER: "matters"}
DERIVED_KEY_COLUMNS = {
    DerivedType.ITEM: ("municipality", "organization", "date", "matter", "status", "outcome"),
    DerivedType.MATTER: ("municipality", "register_id", "first_date", "last_date"),
}
DERIVED_ORDER = {
    DerivedType.ITEM: "(date IS NULL), date DESC, id",
    DerivedType.MATTER: "(last_date IS NULL), last_date DESC, id",
}
# Record fields copied into columns of their own, for WHERE and ORDER BY.
KEY_COLUMNS = {
    RecordType.MUNICIPALITY: ("code", "platform"),
    RecordType.ORGANIZATION: ("municipality", "name", "classification"),
    RecordType.MEETING: (
        "municipality",
        "organization",
        "start",
        "number",
        "document_kind",
        "language",
    ),
    RecordType.ACTION: (
        "municipality",
        "organization",
        "meeting",
        "date",
        "article_number",
        "ordering",
        "language",
        "outcome",
    ),
}
# Parents before children, so that an action page finds its meeting already merged.
PAGE_KIND_ORDER = (
    PageKind.ORGANIZATIONS,
    PageKind.MEETINGS,
    PageKind.MEETING,
    PageKind.ATTACHMENTS,
    PageKind.ACTION,
    PageKind.ATTACHMENT_FILE,
)
# Keys of the parser result, in merge order (organizations before the meetings that
# point to them, meetings before their actions).
RESULT_KEYS = (
    (RecordType.ORGANIZATION, "organizations"),
    (RecordType.MEETING, "meetings"),
    (RecordType.ACTION, "actions"),
)
# What a tombstone keeps: where the record stood, never its text (publishing-rules.md 2).
TOMBSTONE_FIELDS = (
    "id",
    "municipality",
    "organization",
    "meeting",
    "origin_id",
    "article_number",
    "ordering",
    "date",
    "start",
    "number",
    "document_kind",
    "language",
)
# An action's organization, date and language follow its meeting when it has none.
MEETING_DERIVED_FIELDS = ("organization", "date", "language")
REQUIRED_PROVENANCE = ("source_url", "fetched_at", "raw_sha256", "parser_version")
HARVEST_LOG_COLUMNS = (
    "run_id",
    "municipality",
    "platform",
    "page_kind",
    "url",
    "method",
    "request_body",
    "context",
    "status",
    "sha256",
    "media_type",
    "error",
    "fetched_at",
    "etag",
    "last_modified",
    "bytes",
)


@dataclass(frozen=True)
class Counts:
    """Outcome of merging records: how many were new, changed, or already so.

    ``changed`` maps the id of every inserted or updated record to its state before
    the first change (None when it was new); a run uses it to count each record
    once, by comparing where it started with where it ended (Store.net_counts).
    """

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    changed: Mapping[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def __add__(self, other: Counts) -> Counts:
        # The earlier state wins: it is the one from before this batch of merges.
        return Counts(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
            {**other.changed, **self.changed},
        )

    def __str__(self) -> str:
        return f"{self.inserted} inserted, {self.updated} updated, {self.unchanged} unchanged"

    def as_dict(self) -> dict:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged}


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(data: dict) -> str:
    """Hash of the schema fields only, key order ignored: provenance never changes it."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def loses_information(old: dict, new: dict) -> bool:
    """True when ``new`` drops or alters a value ``old`` had.

    Only such changes keep the old action as a version: filling in what a list page
    did not say (the item page adding contents to a title-only record) is not a new
    version of the decision, and neither is the item document correcting what the list
    said before the document had been read (an ``old`` without contents).
    """
    if not old.get("contents"):
        return False
    return any(
        not _is_empty(value) and _as_listed(key, new.get(key)) != _as_listed(key, value)
        for key, value in old.items()
    )


def _as_listed(key: str, value):
    """Attachments as the item lists them: what their files gave (text, sha256, ...) is
    filled in later and is no new version of the decision."""
    if key != "attachments" or not isinstance(value, list):
        return value
    return [
        {name: v for name, v in entry.items() if name not in attachment_files.FILE_FIELDS}
        for entry in value
    ]


def _is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


# Between a word's forms in word_analyses: a form is letters and digits (analysis.WORD).
FORMS_SEPARATOR = "\x1f"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _context_json(context: dict | str | None) -> str:
    if isinstance(context, str):
        context = json.loads(context)  # JSON text from the pipeline: checked, then canonical
    if not isinstance(context, dict | None):
        raise StoreError(f"request context must be a dict, not {type(context).__name__}")
    return json.dumps(context or {}, ensure_ascii=False, sort_keys=True)


def _earliest(*times: str | None) -> str | None:
    # ISO 8601 strings in one offset compare correctly as text.
    present = [time for time in times if time]
    return min(present) if present else None


def _latest(*times: str | None) -> str | None:
    present = [time for time in times if time]
    return max(present) if present else None


def _state(row: sqlite3.Row) -> str:
    """What a record is, for telling whether a run changed it."""
    return row["content_hash"] + ("/withdrawn" if row["withdrawn_at"] else "")


def _split_statements(sql: str) -> Iterator[str]:
    """One statement at a time, so a migration runs inside our own transaction
    (``executescript`` would commit first)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement.strip()
            statement = ""
    if statement.strip():
        raise StoreError(f"incomplete SQL statement in a migration: {statement.strip()[:60]}")


class Store:
    """The SQLite decision store. Use as a context manager, or call close()."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction()).
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self._db.row_factory = sqlite3.Row
        self._savepoints = 0
        self._current_run_id: int | None = None  # the run changes are logged under
        self._configure()
        self._migrate()

    # -- connection, migrations, transactions ------------------------------------

    def _configure(self) -> None:
        mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode != "wal":
            raise StoreError(f"{self.path}: cannot switch to WAL mode (got {mode!r})")
        self._db.execute("PRAGMA foreign_keys=ON")

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(number INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        known = {number for number, _ in MIGRATIONS}
        unknown = self._applied_migrations() - known
        if unknown:
            raise StoreError(
                f"{self.path} has migrations {sorted(unknown)} this code does not know; "
                "it was written by a newer Avoin"
            )
        for number, sql in MIGRATIONS:
            if number not in self._applied_migrations():
                self._apply_migration(number, sql)

    def _applied_migrations(self) -> set[int]:
        return {row[0] for row in self._db.execute("SELECT number FROM schema_migrations")}

    def _apply_migration(self, number: int, sql: str) -> None:
        with self.transaction():
            # Checked again under the write lock: another process may have just applied it.
            if number in self._applied_migrations():
                return
            for statement in _split_statements(sql):
                self._db.execute(statement)
            self._db.execute(
                "INSERT INTO schema_migrations (number, applied_at) VALUES (?, ?)",
                (number, utc_now()),
            )

    def migration_numbers(self) -> list[int]:
        return sorted(self._applied_migrations())

    def journal_mode(self) -> str:
        return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing. Nested use becomes a savepoint inside the outer transaction."""
        if self._savepoints:
            yield from self._savepoint()
            return
        self._db.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
        self._savepoints = 1
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        finally:
            self._savepoints = 0

    def _savepoint(self) -> Iterator[None]:
        name = f"nested_{self._savepoints}"
        self._savepoints += 1
        self._db.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self._db.execute(f"ROLLBACK TO {name}")
            raise
        finally:
            self._db.execute(f"RELEASE {name}")
            self._savepoints -= 1

    # -- imported files (transform/importing.py) ----------------------------------

    def imported_file(self, sha256: str) -> dict | None:
        row = self._db.execute("SELECT * FROM imported_files WHERE sha256 = ?", (sha256,))
        found = row.fetchone()
        return dict(found) if found else None

    def record_imported_file(
        self,
        sha256: str,
        name: str,
        municipality: str,
        meeting: str | None,
        actions: list[str],
        twins: list[str],
    ) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO imported_files VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sha256, name, municipality, utc_now(), meeting, _json(actions), _json(twins)),
            )

    def has_record(self, record_type: RecordType, record_id: str) -> bool:
        return self._row(record_type, record_id) is not None

    def imported_files(self, municipality: str | None = None) -> list[dict]:
        rows = self._db.execute(
            "SELECT * FROM imported_files WHERE ? IS NULL OR municipality = ? ORDER BY name",
            (municipality, municipality),
        )
        return [dict(row) for row in rows]

    # -- the publishing rules' results (transform/published_forms.py) -------------

    def published_forms(self, record_type: RecordType) -> dict[str, tuple[str, str | None, str]]:
        """``{id: (input_key, data or None, counts)}`` for every remembered record."""
        rows = self._db.execute(
            "SELECT id, input_key, data, counts FROM published_forms WHERE record_type = ?",
            (record_type.value,),
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    def save_published_forms(
        self, record_type: RecordType, rows: list[tuple[str, str, str | None, str]]
    ) -> None:
        """Remember ``(id, input_key, data or None, counts)`` rows, replacing older ones."""
        with self.transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO published_forms (record_type, id, input_key, data, counts)"
                " VALUES (?, ?, ?, ?, ?)",
                [(record_type.value, *row) for row in rows],
            )

    # -- the topics' keyword tags (transform/topics.py KeywordMemo) -------------------

    def keyword_tags(self) -> dict[str, str]:
        """``{input_key: tags as JSON}`` of every remembered text."""
        return dict(self._db.execute("SELECT input_key, tags FROM keyword_tags"))

    def save_keyword_tags(self, rows: list[tuple[str, str, str]]) -> None:
        """Remember ``(action id, input_key, tags)`` rows; of an action's older keys only
        the newest stays (the other reader's text), so the table does not grow."""
        with self.transaction():
            for action_id, input_key, tags in rows:
                self._db.execute(
                    "DELETE FROM keyword_tags WHERE id = ? AND input_key <> ? AND rowid NOT IN "
                    "(SELECT MAX(rowid) FROM keyword_tags WHERE id = ?)",
                    (action_id, input_key, action_id),
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO keyword_tags (id, input_key, tags) VALUES (?, ?, ?)",
                    (action_id, input_key, tags),
                )

    # -- word analyses (transform/analysis.py remembered_analyses) ---------------------

    def word_analyses(self, signature: str) -> Iterator[tuple[str, str, bool, tuple[str, ...]]]:
        """``(word, language, parts, forms)`` remembered under ``signature``."""
        rows = self._db.execute(
            "SELECT word, language, parts, forms FROM word_analyses WHERE signature = ?",
            (signature,),
        )
        for word, language, parts, forms in rows:
            yield word, language, bool(parts), tuple(forms.split(FORMS_SEPARATOR)) if forms else ()

    def save_word_analyses(
        self, signature: str, rows: list[tuple[str, str, bool, tuple[str, ...]]]
    ) -> None:
        """Remember analyses made under ``signature``; those of any other are dropped."""
        with self.transaction():
            self._db.execute("DELETE FROM word_analyses WHERE signature <> ?", (signature,))
            self._db.executemany(
                "INSERT OR REPLACE INTO word_analyses (word, language, parts, forms, signature)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (word, language, int(parts), FORMS_SEPARATOR.join(forms), signature)
                    for word, language, parts, forms in rows
                ],
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- runs and the harvest log -----------------------------------------------

    def start_run(self, kind: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO runs (kind, status, started_at) VALUES (?, ?, ?)",
            (RunKind(kind), RunStatus.RUNNING, utc_now()),
        )
        self._current_run_id = cursor.lastrowid
        return cursor.lastrowid

    def finish_run(self, run_id: int, status: str, report: dict) -> None:
        cursor = self._db.execute(
            "UPDATE runs SET status = ?, finished_at = ?, report = ? WHERE id = ?",
            (RunStatus(status), utc_now(), _json(report), run_id),
        )
        if cursor.rowcount != 1:
            raise StoreError(f"no run with id {run_id}")
        if run_id == self._current_run_id:
            self._current_run_id = None

    def run(self, run_id: int) -> dict | None:
        row = self._db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            return None
        return {**dict(row), "report": json.loads(row["report"]) if row["report"] else None}

    def log_request(
        self,
        *,
        municipality: str,
        platform: str,
        page_kind: str,
        url: str,
        method: str = "GET",
        request_body: str | None = None,
        context: dict | str | None = None,
        status: int | None = None,
        sha256: str | None = None,
        media_type: str | None = None,
        error: str | None = None,
        fetched_at: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        bytes: int | None = None,
        run_id: int | None = None,
    ) -> int:
        """Record one request, whether it succeeded (status, sha256) or not (error).

        ``context`` is the dict the parser gets back at transform time (JSON text is
        accepted too)."""
        values = {
            "run_id": run_id,
            "municipality": municipality,
            "platform": platform,
            "page_kind": PageKind(page_kind),
            "url": url,
            "method": method.upper(),
            "request_body": request_body or "",
            "context": _context_json(context),
            "status": status,
            "sha256": sha256,
            "media_type": media_type,
            "error": error,
            "fetched_at": fetched_at or utc_now(),
            "etag": etag,
            "last_modified": last_modified,
            "bytes": bytes,
        }
        placeholders = ", ".join("?" for _ in HARVEST_LOG_COLUMNS)
        cursor = self._db.execute(
            f"INSERT INTO harvest_log ({', '.join(HARVEST_LOG_COLUMNS)}) VALUES ({placeholders})",
            [values[column] for column in HARVEST_LOG_COLUMNS],
        )
        return cursor.lastrowid

    def latest_fetch(
        self, url: str, method: str = "GET", request_body: str | None = None
    ) -> dict | None:
        """The last successful fetch of a request (etag, last_modified, sha256, ...)."""
        row = self._db.execute(
            "SELECT * FROM harvest_log WHERE url = ? AND method = ? AND request_body = ? "
            "AND sha256 IS NOT NULL ORDER BY fetched_at DESC, id DESC LIMIT 1",
            (url, method.upper(), request_body or ""),
        ).fetchone()
        return _log_row(row) if row else None

    def last_good_fetch(
        self, url: str, method: str = "GET", request_body: str | None = None
    ) -> dict | None:
        """The last fetch whose bytes we hold and could parse (200, or 304 = unchanged).

        A document that came back as an error page or a truncated PDF is not "good":
        the incremental harvest fetches it again until it parses."""
        row = self._db.execute(
            "SELECT h.* FROM harvest_log h WHERE h.url = ? AND h.method = ? "
            "AND h.request_body = ? AND h.sha256 IS NOT NULL AND h.status IN (200, 304) "
            "AND NOT EXISTS (SELECT 1 FROM parse_log p WHERE p.sha256 = h.sha256 "
            "AND p.url = h.url AND p.error IS NOT NULL) "
            "ORDER BY h.fetched_at DESC, h.id DESC LIMIT 1",
            (url, method.upper(), request_body or ""),
        ).fetchone()
        return _log_row(row) if row else None

    def pending_snapshots(self, parser_version: str, include_parsed: bool = False) -> list[dict]:
        """Harvest-log rows still to be parsed by ``parser_version``.

        The latest successful fetch per request, unless that snapshot was already
        parsed (successfully or not) by this parser version; ``include_parsed``
        returns them all (re-parse). Parents come first (PAGE_KIND_ORDER), then
        by fetch time.
        """
        kind_rank = " ".join(f"WHEN ? THEN {rank}" for rank in range(len(PAGE_KIND_ORDER)))
        rows = self._db.execute(
            f"""
            WITH latest AS (
                SELECT harvest_log.*, ROW_NUMBER() OVER (
                    PARTITION BY municipality, url, method, request_body
                    ORDER BY fetched_at DESC, id DESC
                ) AS recency
                FROM harvest_log
                WHERE status = 200 AND sha256 IS NOT NULL
            )
            SELECT * FROM latest
            WHERE recency = 1 AND (? OR NOT EXISTS (
                SELECT 1 FROM parse_log
                WHERE parse_log.sha256 = latest.sha256 AND parse_log.url = latest.url
                  AND parse_log.page_kind = latest.page_kind
                  AND parse_log.parser_version = ?
            ))
            ORDER BY CASE page_kind {kind_rank} ELSE {len(PAGE_KIND_ORDER)} END,
                     fetched_at, id
            """,
            (include_parsed, parser_version, *PAGE_KIND_ORDER),
        ).fetchall()
        return [_log_row(row) for row in rows]

    def record_parse(self, row: dict, parser_version: str, error: str | None = None) -> None:
        """Remember that a snapshot was parsed (error=None) or failed to parse."""
        self._db.execute(
            """
            INSERT INTO parse_log (sha256, url, page_kind, parser_version, parsed_at, error)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (sha256, url, page_kind, parser_version)
            DO UPDATE SET parsed_at = excluded.parsed_at, error = excluded.error
            """,
            (row["sha256"], row["url"], row["page_kind"], parser_version, utc_now(), error),
        )

    def parse_errors(self) -> list[dict]:
        rows = self._db.execute(
            "SELECT * FROM parse_log WHERE error IS NOT NULL ORDER BY parsed_at DESC, url"
        )
        return [dict(row) for row in rows]

    # -- merging records ---------------------------------------------------------

    def upsert_municipality(self, record: dict, provenance: dict | None = None) -> Counts:
        """Municipalities come whole from configuration, so the record replaces the old."""
        validate_record(RecordType.MUNICIPALITY, record)
        data = _schema_fields(RecordType.MUNICIPALITY, record)
        with self.transaction():
            existing = self._row(RecordType.MUNICIPALITY, data["id"])
            return self._write_record(RecordType.MUNICIPALITY, existing, data, provenance or {})

    def merge_page(self, result: dict, provenance: dict) -> Counts:
        """Fold one parsed page's partial records into the store, in one transaction.

        ``provenance``: source_url, fetched_at, raw_sha256, parser_version of the page.
        Keys present in a partial record override; absent keys keep the old value.
        Raises SchemaError (and changes nothing) when a record breaks the schema.
        """
        missing = [key for key in REQUIRED_PROVENANCE if key not in provenance]
        if missing:
            raise StoreError(f"merge_page: provenance lacks {missing}")
        counts = Counts()
        with self.transaction():
            for record_type, key in RESULT_KEYS:
                for partial in result.get(key) or ():
                    counts += self._merge_record(
                        record_type, partial, provenance, result.get("page")
                    )
            for file in result.get("attachment_files") or ():
                counts += self._merge_attachment_file(file, provenance)
        return counts

    def _merge_attachment_file(self, file: dict, provenance: dict) -> Counts:
        """Keep what an attachment's file gave, and fill it into the actions listing it."""
        attachment_files.save_file(self._db, file, provenance)
        return self._refill_attachments(file["url"])

    def mark_gone_attachment_files(self) -> Counts:
        """Files the source now answers 404/410 for: the actions say so, the text stays."""
        counts = Counts()
        with self.transaction():
            for url in attachment_files.mark_gone(self._db):
                counts += self._refill_attachments(url)
        return counts

    def attachment_file_counts(self) -> dict[str, int]:
        return attachment_files.attachment_counts(self._db)

    def _refill_attachments(self, url: str) -> Counts:
        counts = Counts()
        for row in attachment_files.actions_listing(self._db, url):
            filled = attachment_files.with_files(self._db, json.loads(row["data"]))
            # The action keeps its own provenance: it was not parsed from this file.
            own = {key: row[key] for key in REQUIRED_PROVENANCE}
            counts += self._write_record(RecordType.ACTION, row, filled, own)
        return counts

    def _merge_record(
        self, record_type: RecordType, partial: dict, provenance: dict, page_kind: str | None = None
    ) -> Counts:
        validate_record(record_type, partial)
        municipality = _municipality_of(record_type, partial["id"])
        existing = self._row(record_type, partial["id"])
        old = json.loads(existing["data"]) if existing else {}
        if record_type is RecordType.ACTION:
            partial = ranked_partial(page_kind, old, partial)
        elif record_type is RecordType.MEETING:
            partial = ranked_meeting_partial(old, partial)
        data = _schema_fields(record_type, {"municipality": municipality, **old, **partial})
        if record_type is RecordType.ACTION:
            data = self._fill_from_meeting(data)
            data = attachment_files.with_files(self._db, data)  # text of files held
        data = derive_fields(record_type, data)  # e.g. outcome, read again from the contents
        validate_record(record_type, data)
        counts = self._write_record(record_type, existing, data, provenance)
        if record_type is RecordType.MEETING and counts.changed:
            counts += self._fill_actions_of_meeting(data, provenance)
        return counts

    def _fill_from_meeting(self, action: dict) -> dict:
        missing = [key for key in MEETING_DERIVED_FIELDS if action.get(key) is None]
        if not action.get("meeting") or not missing:
            return action
        meeting = self._row(RecordType.MEETING, action["meeting"])
        if meeting is None:
            return action
        return _with_meeting_fields(action, json.loads(meeting["data"]))

    def _fill_actions_of_meeting(self, meeting: dict, provenance: dict) -> Counts:
        """A meeting that learnt its organization or date passes them to its actions."""
        rows = self._db.execute(
            "SELECT * FROM actions WHERE meeting = ? AND withdrawn_at IS NULL "
            "AND (organization IS NULL OR date IS NULL OR language IS NULL) ORDER BY id",
            (meeting["id"],),
        ).fetchall()
        counts = Counts()
        for row in rows:
            action = json.loads(row["data"])
            filled = _with_meeting_fields(action, meeting)
            if filled != action:
                counts += self._write_record(RecordType.ACTION, row, filled, provenance)
        return counts

    def _write_record(
        self, record_type: RecordType, existing: sqlite3.Row | None, data: dict, provenance: dict
    ) -> Counts:
        new_hash = content_hash(data)
        if existing is None:
            self._save_row(record_type, None, data, new_hash, provenance)
            self._log_change(record_type, None, data, new_hash)
            return Counts(inserted=1, changed={data["id"]: None})
        if existing["content_hash"] == new_hash and not existing["withdrawn_at"]:
            self._touch(record_type, existing, provenance.get("fetched_at"))
            return Counts(unchanged=1)
        if record_type is RecordType.ACTION and loses_information(
            json.loads(existing["data"]), data
        ):
            self._archive_action_version(existing, replaced_at=provenance.get("fetched_at"))
        self._save_row(record_type, existing, data, new_hash, provenance)
        self._log_change(record_type, existing, data, new_hash)
        return Counts(updated=1, changed={data["id"]: _state(existing)})

    def _save_row(
        self,
        record_type: RecordType,
        existing: sqlite3.Row | None,
        data: dict,
        new_hash: str,
        provenance: dict,
    ) -> None:
        fetched_at = provenance.get("fetched_at")
        seen = fetched_at or utc_now()  # configuration has no fetch time
        values = {
            "id": data["id"],
            **{column: _column_value(data.get(column)) for column in KEY_COLUMNS[record_type]},
            "data": _json(data),
            "content_hash": new_hash,
            **{key: provenance.get(key) for key in REQUIRED_PROVENANCE},
            "first_seen": _earliest(existing["first_seen"] if existing else None, seen),
            "last_seen": _latest(existing["last_seen"] if existing else None, seen),
            "withdrawn_at": None,
            "updated_at": utc_now(),
        }
        self._upsert(TABLES[record_type], values)

    def _upsert(self, table: str, values: dict) -> None:
        columns = list(values)
        assignments = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        self._db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT (id) DO UPDATE SET {assignments}",
            list(values.values()),
        )

    def _touch(self, record_type: RecordType, existing: sqlite3.Row, fetched_at: str | None):
        """Seen again, unchanged: widen first_seen/last_seen, nothing else."""
        first_seen = _earliest(existing["first_seen"], fetched_at)
        last_seen = _latest(existing["last_seen"], fetched_at)
        if (first_seen, last_seen) == (existing["first_seen"], existing["last_seen"]):
            return
        self._db.execute(
            f"UPDATE {TABLES[record_type]} SET first_seen = ?, last_seen = ? WHERE id = ?",
            (first_seen, last_seen, existing["id"]),
        )

    def _archive_action_version(self, existing: sqlite3.Row, replaced_at: str | None) -> None:
        number = self._db.execute(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM action_versions WHERE action_id = ?",
            (existing["id"],),
        ).fetchone()[0]
        self._db.execute(
            """
            INSERT INTO action_versions (action_id, version, data, content_hash, source_url,
                fetched_at, raw_sha256, parser_version, valid_from, valid_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                existing["id"],
                number,
                existing["data"],
                existing["content_hash"],
                existing["source_url"],
                existing["fetched_at"],
                existing["raw_sha256"],
                existing["parser_version"],
                existing["fetched_at"],
                replaced_at or utc_now(),
            ),
        )

    def mark_withdrawn(self, ids: Iterable[str], when: str) -> int:
        """Tombstone records the source removed: keep where they stood, drop their text
        and earlier versions. Returns how many were newly withdrawn."""
        newly_withdrawn = 0
        with self.transaction():
            for record_id in ids:
                record_type = _record_type_of(record_id)
                row = self._row(record_type, record_id)
                if row is None:
                    raise StoreError(f"mark_withdrawn: no record {record_id!r}")
                if row["withdrawn_at"]:
                    continue
                self._tombstone(record_type, row, when)
                newly_withdrawn += 1
        return newly_withdrawn

    def _tombstone(self, record_type: RecordType, row: sqlite3.Row, when: str) -> None:
        data = json.loads(row["data"])
        kept = {key: value for key, value in data.items() if key in TOMBSTONE_FIELDS}
        self._db.execute(
            f"UPDATE {TABLES[record_type]} SET data = ?, content_hash = ?, withdrawn_at = ?, "
            "updated_at = ? WHERE id = ?",
            (_json(kept), content_hash(kept), when, utc_now(), row["id"]),
        )
        self._db.execute("DELETE FROM action_versions WHERE action_id = ?", (row["id"],))
        self._log_withdrawal(record_type, row, content_hash(kept))

    def _row(self, record_type: RecordType, record_id: str) -> sqlite3.Row | None:
        return self._db.execute(
            f"SELECT * FROM {TABLES[record_type]} WHERE id = ?", (record_id,)
        ).fetchone()

    # -- run-level accounting ----------------------------------------------------

    def record_count(self) -> int:
        """Organizations, meetings and actions held (tombstones included)."""
        return sum(
            self._db.execute(f"SELECT COUNT(*) FROM {TABLES[record_type]}").fetchone()[0]
            for record_type, _ in RESULT_KEYS
        )

    def net_counts(self, changed: Mapping[str, str | None]) -> Counts:
        """Each record held counted once: inserted, updated (differs from its state
        before the run) or unchanged (everything else, including records changed and
        changed back within the run)."""
        inserted = sum(1 for before in changed.values() if before is None)
        updated = sum(
            1
            for record_id, before in changed.items()
            if before is not None and self._current_state(record_id) != before
        )
        return Counts(inserted, updated, self.record_count() - inserted - updated)

    def _current_state(self, record_id: str) -> str | None:
        row = self._row(_record_type_of(record_id), record_id)
        return _state(row) if row else None

    # -- reads -------------------------------------------------------------------

    def municipalities(self, include_withdrawn: bool = False) -> list[dict]:
        return self._records(RecordType.MUNICIPALITY, {}, "id", include_withdrawn)

    def organizations(
        self, municipality: str | None = None, include_withdrawn: bool = False
    ) -> list[dict]:
        return self._records(
            RecordType.ORGANIZATION,
            {"municipality": municipality},
            "municipality, (name IS NULL), name, id",
            include_withdrawn,
        )

    def meetings(
        self,
        municipality: str | None = None,
        organization: str | None = None,
        include_withdrawn: bool = False,
    ) -> list[dict]:
        """Newest first; meetings without a start last."""
        return self._records(
            RecordType.MEETING,
            {"municipality": municipality, "organization": organization},
            "(start IS NULL), start DESC, id",
            include_withdrawn,
        )

    def actions(
        self,
        municipality: str | None = None,
        meeting: str | None = None,
        organization: str | None = None,
        include_withdrawn: bool = False,
    ) -> list[dict]:
        """Newest date first, then by meeting and the order of items in it."""
        return self._records(
            RecordType.ACTION,
            {"municipality": municipality, "meeting": meeting, "organization": organization},
            "(date IS NULL), date DESC, (meeting IS NULL), meeting, (ordering IS NULL), "
            "ordering, id",
            include_withdrawn,
        )

    def action(self, action_id: str, include_withdrawn: bool = False) -> dict | None:
        row = self._row(RecordType.ACTION, action_id)
        if row is None or (row["withdrawn_at"] and not include_withdrawn):
            return None
        return _record_of(row)

    def action_versions(self, action_id: str) -> list[dict]:
        """The action's history, oldest first, ending with the current record: each is
        the record as it was plus version, valid_from, valid_to (None for the current).
        Empty for an unknown or withdrawn action."""
        current = self._row(RecordType.ACTION, action_id)
        if current is None or current["withdrawn_at"]:
            return []
        rows = self._db.execute(
            "SELECT * FROM action_versions WHERE action_id = ? ORDER BY version", (action_id,)
        ).fetchall()
        earlier = [
            {
                **_record_of(row),
                "version": row["version"],
                "valid_from": row["valid_from"],
                "valid_to": row["valid_to"],
            }
            for row in rows
        ]
        latest = {
            **_record_of(current),
            "version": len(earlier) + 1,
            "valid_from": current["fetched_at"],
            "valid_to": None,
        }
        return [*earlier, latest]

    def counts(self) -> dict[str, int]:
        tables = (
            *TABLES.values(),
            "action_versions",
            *DERIVED_TABLES.values(),
            "runs",
            "harvest_log",
            "parse_log",
        )
        return {
            table: self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in tables
        }

    def _records(
        self, record_type: RecordType, filters: dict, order_by: str, include_withdrawn: bool
    ) -> list[dict]:
        clauses = [f"{column} = ?" for column, value in filters.items() if value is not None]
        params = [value for value in filters.values() if value is not None]
        if not include_withdrawn:
            clauses.append("withdrawn_at IS NULL")
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(
            f"SELECT * FROM {TABLES[record_type]}{where} ORDER BY {order_by}", params
        )
        return [_record_of(row) for row in rows]

    # -- open data: change log, streaming reads, the public copy (issue 5) -----------
    # Used by transform/export.py and transform/search.py. The change log is written by
    # _write_record and _tombstone as they change a record, under the run open on this
    # connection (start_run ... finish_run).

    def _log_change(
        self, record_type: RecordType, existing: sqlite3.Row | None, data: dict, new_hash: str
    ) -> None:
        if existing is None or existing["withdrawn_at"]:
            change, fields = ChangeKind.ADDED, []  # a withdrawn record back at the source
        else:
            change, fields = ChangeKind.AMENDED, changed_fields(json.loads(existing["data"]), data)
        old_hash = existing["content_hash"] if existing else None
        self._insert_change(record_type, data["id"], change, fields, old_hash, new_hash)

    def _log_withdrawal(self, record_type: RecordType, row: sqlite3.Row, new_hash: str) -> None:
        self._insert_change(
            record_type, row["id"], ChangeKind.WITHDRAWN, [], row["content_hash"], new_hash
        )

    def _insert_change(
        self,
        record_type: RecordType,
        record_id: str,
        change: str,
        fields: list[str],
        old_hash: str | None,
        new_hash: str,
    ) -> None:
        municipality = (
            record_id
            if record_type is RecordType.MUNICIPALITY
            else (_municipality_of(record_type, record_id))
        )
        self._db.execute(
            "INSERT INTO changes (run_id, record_type, record_id, municipality, change, fields, "
            "old_hash, new_hash, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._current_run_id,
                record_type.value,
                record_id,
                municipality,
                change,
                _json(fields),
                old_hash,
                new_hash,
                utc_now(),
            ),
        )

    def iter_changes(self) -> Iterator[dict]:
        """Every logged change with the start of the run it was made in, by run (changes
        outside a run first), then record, then time: one record's changes in a run
        are consecutive."""
        rows = self._db.execute(
            "SELECT changes.*, runs.started_at AS run_started_at FROM changes "
            "LEFT JOIN runs ON runs.id = changes.run_id "
            "ORDER BY (changes.run_id IS NOT NULL), changes.run_id, changes.record_id, changes.id"
        )
        for row in rows:
            yield {**dict(row), "fields": json.loads(row["fields"])}

    def iter_records(
        self,
        record_type: RecordType,
        municipality: str | None = None,
        include_withdrawn: bool = False,
    ) -> Iterator[dict]:
        """Like the list reads, in the same order, but one record at a time: a dump of
        100,000 actions never holds them all."""
        column = "id" if record_type is RecordType.MUNICIPALITY else "municipality"
        clauses = [f"{column} = ?"] if municipality is not None else []
        if not include_withdrawn:
            clauses.append("withdrawn_at IS NULL")
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(
            f"SELECT * FROM {TABLES[record_type]}{where} ORDER BY {STREAM_ORDER[record_type]}",
            [municipality] if municipality is not None else [],
        )
        for row in rows:
            yield _record_of(row)

    def record_municipalities(self) -> list[str]:
        """Every municipality id that has a record of any kind, sorted."""
        selects = " UNION ".join(
            f"SELECT {'id' if record_type is RecordType.MUNICIPALITY else 'municipality'} "
            f"FROM {table}"
            for record_type, table in TABLES.items()
        )
        return [row[0] for row in self._db.execute(f"SELECT * FROM ({selects}) ORDER BY 1")]

    def action_states(self) -> Iterator[dict]:
        """id, content_hash, date, meeting and withdrawn_at of every action, without
        reading its JSON: enough to tell what a search index must re-read."""
        rows = self._db.execute(
            "SELECT id, content_hash, date, meeting, withdrawn_at FROM actions ORDER BY id"
        )
        for row in rows:
            yield dict(row)

    def open_public_copy(self, destination: Path | str) -> PublicCopy:
        """A copy of the store at ``destination`` to be made publishable record by record
        (see PublicCopy)."""
        return PublicCopy(self._db, Path(destination))

    # -- language versions (used by transform/languages.py) ---------------------------
    # One document published in two languages is two actions; these find the candidate
    # pairs and store each action's ``translations``. Which pairs are real is decided in
    # transform/languages.py.

    def translation_candidates(self) -> list[dict]:
        """Pairs of current actions in meetings with the same municipality, date, document
        kind and article number but different languages, each pair once (id < other_id),
        with both organizations' ids and names and both register ids."""
        rows = self._db.execute(
            """
            SELECT a.id AS id, a.language AS language, a.organization AS organization,
                   oa.name AS organization_name, a.data AS data,
                   b.id AS other_id, b.language AS other_language,
                   b.organization AS other_organization,
                   ob.name AS other_organization_name, b.data AS other_data
            FROM actions a
            JOIN actions b ON b.municipality = a.municipality AND b.date = a.date
                AND b.article_number = a.article_number AND b.language <> a.language
                AND a.id < b.id
            JOIN meetings ma ON ma.id = a.meeting
            JOIN meetings mb ON mb.id = b.meeting
            LEFT JOIN organizations oa ON oa.id = a.organization
            LEFT JOIN organizations ob ON ob.id = b.organization
            WHERE a.withdrawn_at IS NULL AND b.withdrawn_at IS NULL
              AND ma.withdrawn_at IS NULL AND mb.withdrawn_at IS NULL
              AND COALESCE(ma.document_kind, '') = COALESCE(mb.document_kind, '')
            ORDER BY a.id, b.id
            """
        )
        return [_candidate_pair(row) for row in rows]

    def translations_held(self) -> dict[str, list[dict]]:
        """action id -> its stored ``translations``, for current actions that have some."""
        rows = self._db.execute(
            # LIKE only narrows the scan; the JSON decides.
            "SELECT id, data FROM actions WHERE withdrawn_at IS NULL "
            "AND data LIKE '%\"translations\"%' ORDER BY id"
        )
        held = {row["id"]: json.loads(row["data"]).get("translations") for row in rows}
        return {action_id: links for action_id, links in held.items() if links}

    def set_translations(self, action_id: str, translations: list[dict]) -> Counts:
        """Store the action's versions in other languages (an empty list removes the field).

        A derived link, not a fetch: the record keeps the provenance of its page."""
        with self.transaction():
            row = self._row(RecordType.ACTION, action_id)
            if row is None or row["withdrawn_at"]:
                raise StoreError(f"set_translations: no current action {action_id!r}")
            data = json.loads(row["data"])
            data.pop("translations", None)
            if translations:
                data["translations"] = sorted(
                    ({"language": t["language"], "id": t["id"]} for t in translations),
                    key=lambda translation: (translation["language"], translation["id"]),
                )
            data = _schema_fields(RecordType.ACTION, data)
            validate_record(RecordType.ACTION, data)
            provenance = {key: row[key] for key in REQUIRED_PROVENANCE}
            return self._write_record(RecordType.ACTION, row, data, provenance)

    # -- items and matters (derived by transform/items.py) -----------------------------

    def derived_records(self, kind: DerivedType, municipality: str | None = None) -> list[dict]:
        """Items or matters, newest first."""
        where, values = ("WHERE municipality = ?", [municipality]) if municipality else ("", [])
        rows = self._db.execute(
            f"SELECT data FROM {DERIVED_TABLES[kind]} {where} ORDER BY {DERIVED_ORDER[kind]}",
            values,
        )
        return [json.loads(row["data"]) for row in rows]

    def replace_derived(self, kind: DerivedType, municipality: str, records: list[dict]) -> int:
        """Make the municipality's items or matters exactly ``records``; returns how many
        rows were added, changed or deleted (0 when nothing changed)."""
        table = DERIVED_TABLES[kind]
        with self.transaction():
            held = {
                row["id"]: row["content_hash"]
                for row in self._db.execute(
                    f"SELECT id, content_hash FROM {table} WHERE municipality = ?", (municipality,)
                )
            }
            changed = 0
            for record in records:
                new_hash = content_hash(record)
                if held.pop(record["id"], None) == new_hash:
                    continue
                self._upsert(
                    table,
                    {
                        "id": record["id"],
                        **{
                            column: _column_value(record.get(column))
                            for column in DERIVED_KEY_COLUMNS[kind]
                        },
                        "data": _json(record),
                        "content_hash": new_hash,
                        "updated_at": utc_now(),
                    },
                )
                changed += 1
            for stale in held:
                self._db.execute(f"DELETE FROM {table} WHERE id = ?", (stale,))
            return changed + len(held)

    # -- export partitions (used by transform/export.py) -------------------------------
    # The dumps are cached by partition: one municipality's records of one year (of a
    # meeting's start, an action's date), undated ones apart; organizations and
    # municipalities are one partition per municipality ("all").

    def record_digests(self, record_type: RecordType, municipality: str) -> Iterator[dict]:
        """Each record of ``municipality`` in the stream order, without reading its JSON:
        ``id``, ``period`` ("all", a year, or "undated"), its parents' ids, ``date`` (an
        action's) and ``state``, which changes whenever anything the dumps show of the
        record does (content hash, provenance, withdrawal)."""
        table = TABLES[record_type]
        period = {RecordType.MEETING: "start", RecordType.ACTION: "date"}.get(record_type)
        parents = {
            RecordType.ORGANIZATION: ("municipality",),
            RecordType.MEETING: ("municipality", "organization"),
            RecordType.ACTION: ("municipality", "organization", "meeting"),
        }.get(record_type, ())
        owner = "id" if record_type is RecordType.MUNICIPALITY else "municipality"
        state_columns = ("content_hash", *PROVENANCE_FIELDS)
        rows = self._db.execute(
            f"SELECT id, {f'substr({period}, 1, 4)' if period else 'NULL'} AS year, "
            f"{period or 'NULL'} AS period_value, "
            f"{', '.join((*parents, *state_columns))} FROM {table} WHERE {owner} = ? "
            f"ORDER BY {STREAM_ORDER[record_type]}",
            (municipality,),
        )
        for row in rows:
            yield {
                "id": row["id"],
                "period": (
                    "all"
                    if period is None
                    else "undated"
                    if row["period_value"] is None
                    else row["year"]
                ),
                **{parent: row[parent] for parent in parents},
                "date": row["period_value"] if record_type is RecordType.ACTION else None,
                "state": repr(tuple(row[column] for column in state_columns)),
            }

    def iter_period_records(
        self, record_type: RecordType, municipality: str, period: str
    ) -> Iterator[dict]:
        """The records of one partition listed by ``record_digests``, withdrawn ones
        included, in the stream order."""
        column = {RecordType.MEETING: "start", RecordType.ACTION: "date"}.get(record_type)
        owner = "id" if record_type is RecordType.MUNICIPALITY else "municipality"
        clauses, values = [f"{owner} = ?"], [municipality]
        if period == "undated":
            clauses.append(f"{column} IS NULL")
        elif period != "all":
            clauses.append(f"substr({column}, 1, 4) = ?")
            values.append(period)
        rows = self._db.execute(
            f"SELECT * FROM {TABLES[record_type]} WHERE {' AND '.join(clauses)} "
            f"ORDER BY {STREAM_ORDER[record_type]}",
            values,
        )
        for row in rows:
            yield _record_of(row)


def _candidate_pair(row: sqlite3.Row) -> dict:
    pair = dict(row)
    pair["register_id"] = json.loads(pair.pop("data")).get("register_id")
    pair["other_register_id"] = json.loads(pair.pop("other_data")).get("register_id")
    return pair


def _record_of(row: sqlite3.Row) -> dict:
    """The schema record plus provenance. A meeting's or action's own ``source_url``
    (its page at the source) wins over the page it was parsed from, which only
    stands in when the record has none."""
    record = json.loads(row["data"])
    available = set(row.keys())
    for key in PROVENANCE_FIELDS:
        if key not in available:
            continue
        if key == "source_url" and record.get("source_url") is not None:
            continue
        record[key] = row[key]
    return record


def _log_row(row: sqlite3.Row) -> dict:
    entry = {column: row[column] for column in ("id", *HARVEST_LOG_COLUMNS)}
    entry["context"] = json.loads(entry["context"])
    entry["request_body"] = entry["request_body"] or None
    return entry


def _schema_fields(record_type: RecordType, record: dict) -> dict:
    """Only schema fields, in schema order; provenance is the store's business."""
    return {key: record[key] for key in FIELDS_BY_TYPE[record_type] if key in record}


def _with_meeting_fields(action: dict, meeting: dict) -> dict:
    derived = {
        "organization": meeting.get("organization"),
        "date": (meeting.get("start") or "")[:10] or None,  # the meeting's local date
        "language": meeting.get("language"),
    }
    filled = dict(action)
    for key, value in derived.items():
        if filled.get(key) is None and value is not None:
            filled[key] = value
    return _schema_fields(RecordType.ACTION, filled)


def _column_value(value):
    """Key columns hold scalars; anything else (a name dict) is kept as JSON text."""
    if value is None or isinstance(value, str | int | float):
        return value
    return _json(value)


def _municipality_of(record_type: RecordType, record_id: str) -> str:
    parts = record_id.split(":", 2)
    infix = ID_INFIX[record_type]
    if len(parts) != 3 or parts[1] != infix:
        raise SchemaError(f"{record_type} id {record_id!r} is not '<municipality>:{infix}:<id>'")
    return parts[0]


def _record_type_of(record_id: str) -> RecordType:
    if ":" not in record_id:
        return RecordType.MUNICIPALITY
    infix = split_id(record_id)[1]
    for record_type, known in ID_INFIX.items():
        if known == infix:
            return record_type
    raise StoreError(f"cannot tell the record type of id {record_id!r}")


# -- open data (issue 5): change kinds, stream order, the public copy ----------------------


class ChangeKind(StrEnum):
    ADDED = "added"
    AMENDED = "amended"
    WITHDRAWN = "withdrawn"


# The list reads' orders (municipalities(), organizations(), meetings(), actions()).
STREAM_ORDER = {
    RecordType.MUNICIPALITY: "id",
    RecordType.ORGANIZATION: "municipality, (name IS NULL), name, id",
    RecordType.MEETING: "(start IS NULL), start DESC, id",
    RecordType.ACTION: "(date IS NULL), date DESC, (meeting IS NULL), meeting, "
    "(ordering IS NULL), ordering, id",
}
# Operational logs: URLs of every request, error texts, hashes of unredacted records.
# Not data for readers, and they could name what a takedown removed.
PUBLIC_COPY_EMPTIED_TABLES = ("changes", "harvest_log", "parse_log", "runs")
# Unredacted derivatives of the records: never in a public file.
PUBLIC_COPY_DROPPED_TABLES = (
    "published_forms",
    "attachment_files",
    "keyword_tags",
    "word_analyses",
)
_PUBLIC_COPY_BATCH = 500


def changed_fields(old: dict, new: dict) -> list[str]:
    """Names of the schema fields whose value differs, sorted."""
    return sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))


class PublicCopy:
    """The store copied for publishing, consistently (SQLite backup API, safe while others
    write). The exporter passes every record through ``apply`` with what the publishing
    rules made of it, so the rules run once per record for all dumps; ``finish`` runs them
    over the earlier versions, empties the operational logs, and vacuums, so nothing
    deleted survives in free pages. Withheld records are deleted; redacted ones get their
    hash recomputed (a hash of the unredacted text would let anyone test guesses of what
    was removed). A copy not finished is deleted."""

    def __init__(self, source: sqlite3.Connection, destination: Path):
        self.path = destination
        destination.unlink(missing_ok=True)
        self._copy = sqlite3.connect(destination, isolation_level=None)
        self._copy.row_factory = sqlite3.Row
        source.backup(self._copy)
        self._copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        self._copy.execute("BEGIN")
        for table in PUBLIC_COPY_EMPTIED_TABLES:
            self._copy.execute(f"DELETE FROM {table}")
        for table in PUBLIC_COPY_DROPPED_TABLES:
            self._copy.execute(f"DROP TABLE IF EXISTS {table}")

    def apply(self, record_type: RecordType, record: dict, published: dict | None) -> None:
        """Make the copy of ``record`` what ``published`` says (None: delete it)."""
        table = TABLES[record_type]
        if published is None:
            self._copy.execute("DELETE FROM action_versions WHERE action_id = ?", (record["id"],))
            self._copy.execute(f"DELETE FROM {table} WHERE id = ?", (record["id"],))
            return
        if published == record:
            return
        row = self._copy.execute(
            f"SELECT data FROM {table} WHERE id = ?", (record["id"],)
        ).fetchone()
        data = _published_data(row, published)
        if data is None:
            return
        columns = {column: _column_value(data.get(column)) for column in KEY_COLUMNS[record_type]}
        assignments = ", ".join(f"{column} = ?" for column in ("data", "content_hash", *columns))
        self._copy.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?",
            (_json(data), content_hash(data), *columns.values(), record["id"]),
        )

    def clear_derived(self) -> None:
        """Items and matters are written again from the published records (add_derived)."""
        for table in DERIVED_TABLES.values():
            self._copy.execute(f"DELETE FROM {table}")

    def add_derived(self, items: list[dict], matters: list[dict], updated_at: str) -> None:
        """``updated_at``: the export's time, so the file depends on the records only."""
        for kind, records in ((DerivedType.ITEM, items), (DerivedType.MATTER, matters)):
            self.add_derived_rows(kind, map(partial(derived_row, kind), records), updated_at)

    def add_derived_rows(self, kind: DerivedType, rows: Iterable[list], updated_at: str) -> None:
        """Rows as ``derived_row`` makes them (the export keeps them made, in its cache)."""
        columns = ("id", *DERIVED_KEY_COLUMNS[kind], "data", "content_hash", "updated_at")
        self._copy.executemany(
            f"INSERT INTO {DERIVED_TABLES[kind]} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})",
            ([*row, updated_at] for row in rows),
        )

    def finish(self, publish: Callable[[RecordType, dict], dict | None]) -> dict[str, int]:
        """Versions through ``publish``, commit, vacuum; returns rows kept per table."""
        _publish_versions(self._copy, publish)
        self._copy.execute("COMMIT")
        self._copy.execute("VACUUM")
        kept = {
            table: self._copy.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in (*TABLES.values(), "action_versions", *DERIVED_TABLES.values())
        }
        self._copy.close()
        return kept

    def abort(self) -> None:
        self._copy.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> PublicCopy:
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        if exc_type is not None:
            self.abort()


def derived_row(kind: DerivedType, record: dict) -> list:
    """An item's or matter's values for its table in the public copy, ``updated_at``
    aside: id, key columns, data, content hash."""
    return [
        record["id"],
        *(_column_value(record.get(column)) for column in DERIVED_KEY_COLUMNS[kind]),
        _json(record),
        content_hash(record),
    ]


def _publish_versions(
    copy: sqlite3.Connection, publish: Callable[[RecordType, dict], dict | None]
) -> None:
    for row in _rows_in_batches(copy, "action_versions"):
        published = publish(RecordType.ACTION, _record_of(row))
        if published is None:
            copy.execute("DELETE FROM action_versions WHERE rowid = ?", (row["rowid"],))
            continue
        data = _published_data(row, published)
        if data is not None:
            copy.execute(
                "UPDATE action_versions SET data = ?, content_hash = ? WHERE rowid = ?",
                (_json(data), content_hash(data), row["rowid"]),
            )


def _published_data(row: sqlite3.Row, published: dict) -> dict | None:
    """The stored JSON as ``published`` has it, or None when publishing changed nothing.
    Only keys the row's JSON had count: the rest of ``published`` is provenance."""
    data = json.loads(row["data"])
    redacted = {key: published[key] for key in data if key in published}
    return None if redacted == data else redacted


def _rows_in_batches(copy: sqlite3.Connection, table: str) -> Iterator[sqlite3.Row]:
    """All rows by rowid, a batch at a time, so rows can be updated or deleted meanwhile."""
    last = 0
    while True:
        rows = copy.execute(
            f"SELECT rowid, * FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (last, _PUBLIC_COPY_BATCH),
        ).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1]["rowid"]
