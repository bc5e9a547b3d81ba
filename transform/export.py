"""`avoin export`: the open-data dumps under <out>/data/, for the whole archive and per
municipality (what each file holds: docs/schema.md, generated from transform/schema_docs.py).

Every record passes through the publishing rules (transform/publishing.py) on its way
out: a withheld record, and every record under a withheld parent (the items of a meeting
taken down), is absent from every file; the others are written as the rules redacted
them.

Incremental by partition: one municipality's records of one year (a meeting's start, an
action's date; undated ones apart; organizations and municipalities one partition per
municipality). Each partition's finished bytes (CSV and Excel bodies, JSON lines, Arrow
for Parquet, and what the SQLite copy must delete or redact) are cached beside the store,
under a digest of everything they depend on: each record's state (content hash,
provenance, withdrawal), which of its ids and parents' ids are taken down or withheld,
whether an action is past the retention period today, and the code. A run re-publishes
only partitions whose digest changed and assembles every file from partition bytes, so a
full export and an incremental one are the same code path and give the same bytes.
Assembled files are kept in the cache too and hard-linked into the data directory: an
unchanged file is not written again. Items are derived and cached the same way, one
partition per year of a town's actions, keyed on the partitions they are made from;
matters one part per year of their last date, keyed on their content. Files are never
changed in place (they may be linked into a published release, see pipeline/publish.py).

The dumps are written into a fresh directory beside <out>/data/ and swapped in at the
end, so readers never see half an export and files of a removed municipality go away.
"""

from __future__ import annotations

import collections
import fcntl
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from transform import changes as change_log
from transform.analysis import analysis_signature
from transform.export_items import derived_rows
from transform.items import Derived, matter_id, matters_of, session_items, unique_ids
from transform.published_forms import PublishedForms
from transform.publishing import PublishingPolicy
from transform.schema import DerivedType, RecordType
from transform.schema_docs import (
    ACTIONS,
    ATTACHMENTS,
    ITEMS,
    LICENSE,
    LIST_SEPARATOR,
    MATTERS,
    MEETINGS,
    MUNICIPALITIES,
    ORGANIZATIONS,
    TableDoc,
    csv_tables,
    table_schema,
)
from transform.store import PublicCopy, Store, derived_row, utc_now
from transform.topics import KeywordMemo

DATA_DIR = "data"
INDEX_FILE = "index.json"
DATAPACKAGE_FILE = "datapackage.json"
SQLITE_FILE = "avoin.sqlite"
EXCEL_SUFFIX = ".excel.csv"
CACHE_DIR = ".avoin-export-cache"  # beside the store, never under the published site
# Parquet row groups are filled from whole partitions up to about this many rows.
PARQUET_ROW_GROUP_ROWS = 5000
# Excel runs a cell that starts with one of these as a formula (CSV injection): in the
# Excel variant such text gets a leading apostrophe, which Excel reads as "this is text".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PARENT_FIELDS = ("municipality", "organization", "meeting")
# The sources whose change can change a published byte: a new version rebuilds everything.
CODE_MODULES = ("export", "publishing", "privacy", "schema", "schema_docs", "store", "items")
DERIVED_TABLES = {DerivedType.ITEM: ITEMS, DerivedType.MATTER: MATTERS}
# ... and of what items and matters say (their topics also hang on the analysis).
DERIVATION_MODULES = (
    "export_items",
    "items",
    "votes",
    "topics",
    "languages",
    "procedural",
    "analysis",
)
DERIVED_FORMATS = [
    (".csv", "csv"),
    (EXCEL_SUFFIX, "excel-csv"),
    (".jsonl", "jsonl"),
    (".parquet", "parquet"),
]
# What deriving matters needs of each item, kept in the items' partition.
MATTER_INPUTS = ("id", "date", "matter", "register_id", "title")


class ExportError(RuntimeError):
    """A record cannot be written as its table's schema says (the message names it)."""


@dataclass(frozen=True)
class FileEntry:
    """One line of data/index.json. ``path`` is relative to data/."""

    path: str
    format: str  # csv, excel-csv, jsonl, parquet, sqlite, datapackage, json
    table: str | None
    municipality: str | None
    bytes: int
    records: int | None
    generated_at: str


@dataclass
class ExportReport:
    directory: Path
    files: list[FileEntry] = field(default_factory=list)
    records: collections.Counter = field(default_factory=collections.Counter)
    withheld: int = 0
    redactions: collections.Counter = field(default_factory=collections.Counter)
    change_lines: int = 0
    partitions_reused: int = 0
    partitions_rebuilt: int = 0
    derived_parts_reused: int = 0  # items of a town's year, matters of a town
    derived_parts_rebuilt: int = 0
    files_reused: int = 0  # assembled files hard-linked from the cache unchanged

    def __str__(self) -> str:
        size = sum(entry.bytes for entry in self.files) / 1_000_000
        tables = ", ".join(f"{count} {table}" for table, count in self.records.items())
        redacted = ", ".join(
            f"{kind} {count}"
            for kind, count in sorted(self.redactions.items())
            if kind != "takedown"
        )
        return (
            f"{len(self.files)} files, {size:.1f} MB: {tables}; {self.withheld} withheld"
            f"{f' (redacted: {redacted})' if redacted else ''}; "
            f"{self.change_lines} change-log lines; partitions: "
            f"{self.partitions_reused} reused, {self.partitions_rebuilt} rebuilt"
        )


# -- rows: a published record -> the values of its table's columns --------------------


def municipality_row(record: dict) -> dict:
    name = record.get("name") or {}
    return {
        **_plain_row(MUNICIPALITIES, record),
        "name_fi": name.get("fi"),
        "name_sv": name.get("sv"),
        "languages": _joined(record.get("languages")),
        "kind": record.get("kind") or "municipality",
        "serves": _joined(record.get("serves")),
    }


def organization_row(record: dict) -> dict:
    return _plain_row(ORGANIZATIONS, record)


def meeting_row(record: dict) -> dict:
    return _plain_row(MEETINGS, record)


def action_row(record: dict) -> dict:
    contents = record.get("contents") or []
    return {
        **_plain_row(ACTIONS, record),
        "matter_id": matter_id(
            record.get("municipality") or record["id"].split(":")[0], record.get("register_id")
        ),
        "preparers": _joined(record.get("preparers")),
        "history": record.get("history"),
        "contents": [
            {key: content.get(key) for key in ("type", "label", "text")} for content in contents
        ]
        if contents
        else None,
        "attachment_count": len(record.get("attachments") or []),
    }


def attachment_rows(action: dict) -> list[dict]:
    provenance = {
        key: action.get(key) for key in ("source_url", "fetched_at", "raw_sha256", "parser_version")
    }
    return [
        {
            **{name: attachment.get(name) for name in ATTACHMENTS.field_names},
            "action": action["id"],
            "position": position,
            "municipality": action.get("municipality"),
            **provenance,
        }
        for position, attachment in enumerate(action.get("attachments") or [], start=1)
    ]


def _plain_row(table: TableDoc, record: dict) -> dict:
    return {name: record.get(name) for name in table.field_names}


def _joined(values: list | None) -> str | None:
    return LIST_SEPARATOR.join(str(value) for value in values) if values else None


@dataclass(frozen=True)
class _Dump:
    """One record type: the tables its records fill, and how a record becomes rows."""

    record_type: RecordType
    table: TableDoc
    row: Callable[[dict], dict]
    child_table: TableDoc | None = None
    child_rows: Callable[[dict], list[dict]] | None = None


DUMPS = (  # parents first: a child of a withheld record is withheld too
    _Dump(RecordType.MUNICIPALITY, MUNICIPALITIES, municipality_row),
    _Dump(RecordType.ORGANIZATION, ORGANIZATIONS, organization_row),
    _Dump(RecordType.MEETING, MEETINGS, meeting_row),
    _Dump(RecordType.ACTION, ACTIONS, action_row, ATTACHMENTS, attachment_rows),
)


# -- cell values per format -----------------------------------------------------------

_encode_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False)


def _as_string(value) -> str:
    return str(value)


def _as_integer(value) -> int:
    if isinstance(value, bool):
        raise TypeError("a boolean is not an integer")
    return int(value)


def _as_boolean(value) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not a boolean")
    return value


def _as_date(value) -> str:
    return date.fromisoformat(value).isoformat()


def _as_datetime(value) -> str:
    if datetime.fromisoformat(value).tzinfo is None:
        raise ValueError("a time without an offset is ambiguous")
    return value


def _as_array(value) -> str:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return _encode_json(value)  # JSON text in every format


COERCE = {
    "string": _as_string,
    "integer": _as_integer,
    "boolean": _as_boolean,
    "date": _as_date,
    "datetime": _as_datetime,
    "array": _as_array,
}


@cache
def _coercers(table: TableDoc) -> tuple[tuple[str, str, Callable], ...]:
    unknown = [column.type for column in table.fields if column.type not in COERCE]
    if unknown:
        raise ValueError(f"unknown column type {unknown[0]!r}")
    return tuple((column.name, column.type, COERCE[column.type]) for column in table.fields)


def _typed_cells(table: TableDoc, row: dict) -> list:
    """Each column's value coerced to its type, in column order; names the record when
    a value cannot be."""
    cells = []
    for name, kind, coerce in _coercers(table):
        value = row.get(name)
        if value is None or value == "":
            cells.append(None)
            continue
        try:
            cells.append(coerce(value))
        except (TypeError, ValueError) as error:
            record_id = row.get("id") or row.get("action")
            raise ExportError(
                f"{table.name} {record_id}: {name}={value!r} is not a {kind}"
            ) from error
    return cells


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _CsvDialect:
    """What csv.writer (QUOTE_MINIMAL) does, without its per-character work: a cell
    holding the delimiter, a quote or a line-end character is quoted, quotes doubled."""

    def __init__(self, delimiter: str, line_end: str):
        self.delimiter = delimiter
        self.line_end = line_end
        specials = delimiter + '"' + line_end
        self._needs_quotes = re.compile("[" + re.escape(specials) + "]").search

    def line(self, cells: Iterable[str]) -> str:
        needs_quotes = self._needs_quotes
        return (
            self.delimiter.join(
                '"' + cell.replace('"', '""') + '"' if needs_quotes(cell) else cell
                for cell in cells
            )
            + self.line_end
        )


CSV = _CsvDialect(",", "\n")
# Finnish and Swedish Excel read ';'-separated files, and UTF-8 only with a BOM.
EXCEL = _CsvDialect(";", "\r\n")
EXCEL_BOM = "\ufeff"


def _excel_cell(cell: str) -> str:
    # Only text can start so: numbers here are never negative, dates start with a digit.
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "datetime": pa.timestamp("us", tz="UTC"),
    "array": pa.string(),  # JSON text, as in the CSV
}
ARROW_VALUE = {"date": date.fromisoformat, "datetime": datetime.fromisoformat}


@cache
def arrow_schema(table: TableDoc) -> pa.Schema:
    return pa.schema([(column.name, ARROW_TYPES[column.type]) for column in table.fields])


def _arrow_array(kind: str, values: list) -> pa.Array:
    convert = ARROW_VALUE.get(kind)
    if convert is not None:
        values = [None if value is None else convert(value) for value in values]
    return pa.array(values, type=ARROW_TYPES[kind])


class _TableBody:
    """One table's rows of one partition, formatted once for every file they go to (the
    whole archive's and their municipality's): CSV and Excel lines, JSON lines of the full
    records (record tables only), and typed columns for Parquet."""

    def __init__(self, table: TableDoc, with_jsonl: bool):
        self.table = table
        self.csv: list[str] = []
        self.excel: list[str] = []
        self.jsonl: list[str] | None = [] if with_jsonl else None
        self.columns: list[list] = [[] for _ in table.fields]

    @property
    def records(self) -> int:
        return len(self.csv)

    def add(self, row: dict, record: dict | None = None) -> None:
        typed = _typed_cells(self.table, row)
        for column, value in zip(self.columns, typed, strict=True):
            column.append(value)
        cells = [_csv_cell(value) for value in typed]
        self.csv.append(CSV.line(cells))
        self.excel.append(EXCEL.line(map(_excel_cell, cells)))
        if self.jsonl is not None:
            self.jsonl.append(_encode_json(record) + "\n")

    def arrow_table(self) -> pa.Table:
        arrays = [
            _arrow_array(column.type, values)
            for column, values in zip(self.table.fields, self.columns, strict=True)
        ]
        return pa.Table.from_arrays(arrays, schema=arrow_schema(self.table))

    def blobs(self, prefix: str) -> dict[str, bytes]:
        blobs = {
            f"{prefix}.csv": "".join(self.csv).encode("utf-8"),
            f"{prefix}{EXCEL_SUFFIX}": "".join(self.excel).encode("utf-8"),
        }
        if self.jsonl is not None:
            blobs[f"{prefix}.jsonl"] = "".join(self.jsonl).encode("utf-8")
        return blobs


def header_bytes(table: TableDoc, suffix: str) -> bytes:
    """What a file starts with before its rows: the CSV header line (and Excel's BOM)."""
    if suffix == ".csv":
        return CSV.line(table.field_names).encode("utf-8")
    if suffix == EXCEL_SUFFIX:
        return (EXCEL_BOM + EXCEL.line(table.field_names)).encode("utf-8")
    return b""


# -- the partition cache ----------------------------------------------------------------

META_FILE = "meta.json"
SQLITE_PATCH = "sqlite.jsonl"  # [id, published record or null] where the copy must change
SQLITE_ROWS = "sqlite-rows.jsonl"  # items' and matters' rows for the copy (store.derived_row)
MAIN, CHILD = "main", "child"  # a dump's own table, and its child table (attachments)


@cache
def code_version() -> str:
    """Digest of the code that decides a published byte, and of what formats the bytes."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]} pyarrow {pa.__version__}".encode())
    for name in CODE_MODULES:
        module = sys.modules.get(f"transform.{name}") or __import__(f"transform.{name}")
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


@cache
def derivation_version() -> str:
    """Digest of the code (and the analysis) that makes items and matters of records."""
    digest = hashlib.sha256(code_version().encode())
    for name in DERIVATION_MODULES:
        module = sys.modules.get(f"transform.{name}") or __import__(f"transform.{name}")
        digest.update(Path(module.__file__).read_bytes())
    digest.update(analysis_signature().encode())
    return digest.hexdigest()


def _digest_of(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _stamp(path: Path) -> list[int]:
    """Size, modification time and inode: a file written into or replaced no longer
    matches the stamp taken when the cache wrote it."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, status.st_ino]


@dataclass(frozen=True)
class _Part:
    """A partition's finished bytes in the cache, and what the run must know of it."""

    digest: str
    directory: Path
    meta: dict

    def file(self, name: str) -> Path:
        return self.directory / name

    def rows(self, prefix: str) -> int:
        return self.meta["rows"].get(prefix, 0)


@dataclass(frozen=True)
class _Assembled:
    path: Path
    sha256: str | None  # of the CSV files only: datapackage.json lists them with it
    reused: bool


class _Cache:
    """Partitions under parts/<digest>/, assembled files under files/<key><suffix> (with
    a .json sidecar). Everything is written under a temporary name and renamed, never
    changed in place: assembled files are hard-linked into published data directories.
    A run removes what it did not use (``prune``)."""

    def __init__(self, root: Path):
        self.root = root
        self.parts = root / "parts"
        self.files = root / "files"
        self.used: set[Path] = set()

    def lock(self):
        """Held for a whole export: two exports sharing a cache would prune each other."""
        self.parts.mkdir(parents=True, exist_ok=True)
        self.files.mkdir(parents=True, exist_ok=True)
        handle = (self.root / ".lock").open("w")
        fcntl.flock(handle, fcntl.LOCK_EX)
        return handle  # closing it releases the lock

    def part(self, digest: str) -> _Part | None:
        """The cached partition, or None when it is missing or damaged (then rebuilt)."""
        directory = self.parts / digest
        try:
            meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
            intact = all(_stamp(directory / name) == stamp for name, stamp in meta["files"].items())
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            intact = False
        if not intact:
            if directory.exists():
                shutil.rmtree(directory)
            return None
        self.used.add(directory)
        return _Part(digest, directory, meta)

    def save_part(
        self, digest: str, blobs: dict[str, bytes], tables: dict[str, pa.Table], meta: dict
    ) -> _Part:
        work = self.parts / f".new-{digest}"
        if work.exists():
            shutil.rmtree(work)  # left by an interrupted export
        work.mkdir()
        for name, blob in blobs.items():
            (work / name).write_bytes(blob)
        for name, table in tables.items():
            _write_arrow(work / name, table)
        meta = {**meta, "files": {name: _stamp(work / name) for name in [*blobs, *tables]}}
        (work / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        directory = self.parts / digest
        if directory.exists():
            shutil.rmtree(directory)
        work.rename(directory)
        self.used.add(directory)
        return _Part(digest, directory, meta)

    def assembled(self, key: str, suffix: str, write: Callable[[Path], str | None]) -> _Assembled:
        """The file ``key`` names, from the cache if intact, else made by ``write(path)``
        (which returns the file's sha256 or None)."""
        path = self.files / f"{key}{suffix}"
        sidecar = path.with_name(path.name + ".json")
        self.used.update((path, sidecar))
        cached = _cached_sha256(path, sidecar)
        if cached is not None:
            return _Assembled(path, cached[0], reused=True)
        work = path.with_name(f".new-{path.name}")
        sha256 = write(work)
        os.replace(work, path)
        _write_text_atomically(sidecar, json.dumps({"stamp": _stamp(path), "sha256": sha256}))
        return _Assembled(path, sha256, reused=False)

    def prune(self) -> None:
        for directory in (self.parts, self.files):
            for path in directory.iterdir():
                if path in self.used:
                    continue
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()


def _cached_sha256(path: Path, sidecar: Path) -> tuple[str | None] | None:
    """(sha256,) of an intact assembled file, None when it must be made again."""
    try:
        info = json.loads(sidecar.read_text(encoding="utf-8"))
        return (info["sha256"],) if info["stamp"] == _stamp(path) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or damaged


def _write_text_atomically(path: Path, text: str) -> None:
    work = path.with_name(f".new-{path.name}")
    work.write_text(text, encoding="utf-8")
    os.replace(work, path)


def _write_arrow(path: Path, table: pa.Table) -> None:
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


def _read_arrow(path: Path) -> pa.Table:
    # Memory-mapped: the bytes are read as Parquet takes them, not all at once.
    return pa.ipc.open_file(pa.memory_map(str(path))).read_all()


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links there
        shutil.copyfile(source, target)


def _concatenate(path: Path, header: bytes, sources: Iterable[Path], hashed: bool) -> str | None:
    """``header`` then each source's bytes; returns the sha256 of the whole when ``hashed``."""
    digest = hashlib.sha256(header) if hashed else None
    with path.open("wb") as out:
        out.write(header)
        for source in sources:
            with source.open("rb") as handle:
                if digest is None:
                    out.flush()
                    _copy_in_kernel(handle, out)
                    continue
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
    return digest.hexdigest() if digest is not None else None


def _copy_in_kernel(source, target) -> None:
    """The rest of ``source`` appended to ``target`` without passing through Python's
    buffers (copy_file_range), or by reading and writing where the system cannot."""
    try:
        while os.copy_file_range(source.fileno(), target.fileno(), 1 << 30):
            pass
    except (AttributeError, OSError):
        shutil.copyfileobj(source, target, 1 << 20)


def _assemble_parquet(path: Path, table: TableDoc, sources: Iterable[Path]) -> None:
    """Cached Arrow parts as one Parquet file, small parts gathered into row groups."""
    with pq.ParquetWriter(path, arrow_schema(table)) as writer:
        pending: list[pa.Table] = []
        for source in sources:
            part = _read_arrow(source)
            if part.num_rows:
                pending.append(part)
            if sum(table.num_rows for table in pending) >= PARQUET_ROW_GROUP_ROWS:
                writer.write_table(pa.concat_tables(pending), PARQUET_ROW_GROUP_ROWS)
                pending = []
        if pending:
            writer.write_table(pa.concat_tables(pending), PARQUET_ROW_GROUP_ROWS)


def file_entry(
    data_dir: Path,
    path: Path,
    kind: str,
    generated_at: str,
    table: str | None = None,
    municipality: str | None = None,
    records: int | None = None,
) -> FileEntry:
    return FileEntry(
        path.relative_to(data_dir).as_posix(),
        kind,
        table,
        municipality,
        path.stat().st_size,
        records,
        generated_at,
    )


# -- the export -----------------------------------------------------------------------


def export_dumps(
    store: Store,
    out_dir: Path,
    *,
    policy: PublishingPolicy | None = None,
    generated_at: str | None = None,
    progress: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
) -> ExportReport:
    """Write every dump into ``out_dir``/data/ (replacing what was there); ``progress``
    hears a line as each table is done. Partitions are cached in ``cache_dir`` (default:
    .avoin-export-cache beside the store)."""
    out_dir = Path(out_dir)
    target = out_dir / DATA_DIR
    work = out_dir / ".data-export-new"
    if work.exists():
        shutil.rmtree(work)  # left by an interrupted export
    partition_cache = _Cache(Path(cache_dir) if cache_dir else store.path.parent / CACHE_DIR)
    with partition_cache.lock():
        exporter = _Exporter(
            store,
            work,
            policy or PublishingPolicy.load(),
            generated_at or utc_now(),
            progress or (lambda message: None),
            partition_cache,
        )
        report = exporter.run()
        partition_cache.prune()
    _swap_directory(work, target)
    report.directory = target
    return report


def _swap_directory(new: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def _retention_mark(policy: PublishingPolicy, action_date: str | None) -> str:
    """What today means for an action's published form: past the retention period or not.
    An action without a readable date of its own is decided by its history, which the
    listing does not read: such a partition is keyed on today itself."""
    try:
        return str(policy.is_past_retention(date.fromisoformat(str(action_date)[:10])))
    except ValueError:
        return f"today {policy.today.isoformat()}"


class _Exporter:
    def __init__(
        self,
        store: Store,
        directory: Path,
        policy: PublishingPolicy,
        generated_at: str,
        progress: Callable[[str], None],
        partition_cache: _Cache,
    ):
        self.store = store
        self.progress = progress
        self.directory = directory
        self.policy = policy
        self.generated_at = generated_at
        self.cache = partition_cache
        self.report = ExportReport(directory)
        # Ids published nowhere: withheld by the rules, or under a withheld parent.
        self.withheld: set[str] = set()
        self.redactions: collections.Counter = collections.Counter()  # of one partition
        self.sources: dict[str, dict] = {}  # municipality id -> datapackage source
        self.csv_sha256: dict[Path, str] = {}
        self.public_copy: PublicCopy | None = None  # avoin.sqlite, while it is written
        # The rules' results are remembered in the store and shared with the site build.
        self.forms = PublishedForms(store, policy)
        self.keyword_memo = KeywordMemo(store)  # the items' topics, shared with the site
        # (record type, town) -> [(period, listing entries, part)], what items key on.
        self.partitions: dict[tuple[RecordType, str], list[tuple[str, list[dict], _Part]]] = {}
        self._town_records: dict[tuple[RecordType, str], list[dict]] = {}  # published
        self._meeting_marks_of: dict[str, dict[str, str]] = {}

    def run(self) -> ExportReport:
        self.directory.mkdir(parents=True)
        towns = self.store.record_municipalities()
        sqlite_path = self.directory / SQLITE_FILE
        with self.store.open_public_copy(sqlite_path) as self.public_copy:
            for dump in DUMPS:
                self._export_dump(dump, towns)
            self._export_items_and_matters(towns)
            kept = self.public_copy.finish(self.publish)
        self.forms.save()
        self.keyword_memo.save()
        self.report.files.append(
            file_entry(
                self.directory,
                sqlite_path,
                "sqlite",
                self.generated_at,
                records=sum(kept.values()),
            )
        )
        self._export_change_log()
        self._write_datapackage(None)
        for town in towns:
            self._write_datapackage(town)
        self._write_index()
        self.report.withheld = len(self.withheld)
        return self.report

    # -- partitions

    def _export_dump(self, dump: _Dump, towns: Iterable[str]) -> None:
        reused, rebuilt = self.report.partitions_reused, self.report.partitions_rebuilt
        parts_by_town = {town: self._partitions(dump, town) for town in towns}
        for town, parts in parts_by_town.items():
            self._write_files(dump, town, parts)
        self._write_files(dump, None, [part for parts in parts_by_town.values() for part in parts])
        self.progress(
            f"{dump.table.name}: {self.report.records[dump.table.name]} rows; partitions: "
            f"{self.report.partitions_reused - reused} reused, "
            f"{self.report.partitions_rebuilt - rebuilt} rebuilt"
        )

    def _partitions(self, dump: _Dump, town: str) -> list[_Part]:
        """The town's partitions of the dump, newest first (the stream order), each from
        the cache or made anew."""
        periods: dict[str, list[dict]] = {}
        for entry in self.store.record_digests(dump.record_type, town):
            periods.setdefault(entry["period"], []).append(entry)
        listed = [
            (period, entries, self._partition(dump, town, period, entries))
            for period, entries in periods.items()
        ]
        self.partitions[dump.record_type, town] = listed
        return [part for _, _, part in listed]

    def _partition(self, dump: _Dump, town: str, period: str, entries: list[dict]) -> _Part:
        digest = self._partition_digest(dump, town, period, entries)
        part = self.cache.part(digest)
        if part is None:
            part = self._serialise(dump, town, period, digest)
            self.report.partitions_rebuilt += 1
        else:
            self.report.partitions_reused += 1
        self._take_in(dump, part)
        return part

    def _partition_digest(self, dump: _Dump, town: str, period: str, entries: list[dict]) -> str:
        """Everything a partition's bytes depend on (parents are all done by now)."""
        digest = hashlib.sha256(_digest_of(code_version(), dump.table.name, town, period).encode())
        for entry in entries:
            digest.update(f"{self._entry_mark(dump.record_type, entry)}\x1e".encode())
        return digest.hexdigest()

    def _entry_mark(self, record_type: RecordType, entry: dict) -> str:
        """What the record's published form depends on, from its listing entry."""
        blocked = [name for name in ("id", *PARENT_FIELDS) if self._blocked(entry.get(name))]
        retention = (
            _retention_mark(self.policy, entry["date"]) if record_type is RecordType.ACTION else ""
        )
        return f"{entry['id']}\x1f{entry['state']}\x1f{blocked}\x1f{retention}"

    def _blocked(self, record_id: str | None) -> bool:
        return record_id is not None and (
            record_id in self.policy.takedowns or record_id in self.withheld
        )

    def _serialise(self, dump: _Dump, town: str, period: str, digest: str) -> _Part:
        """Publish the partition's records and format them for every file."""
        main = _TableBody(dump.table, with_jsonl=True)
        child = _TableBody(dump.child_table, with_jsonl=False) if dump.child_table else None
        withheld, patch, sources = [], [], {}
        self.redactions = collections.Counter()
        for record in self.store.iter_period_records(dump.record_type, town, period):
            published = self.publish(dump.record_type, record, count=True)
            if published is None:
                withheld.append(record["id"])
                patch.append(_encode_json([record["id"], None]) + "\n")
                continue
            if published != record:
                patch.append(_encode_json([record["id"], published]) + "\n")
            main.add(dump.row(published), published)
            for row in dump.child_rows(published) if child is not None else ():
                child.add(row)
            if dump.record_type is RecordType.MUNICIPALITY:
                sources[published["id"]] = _source(published)
        bodies = [(MAIN, main)] + ([(CHILD, child)] if child is not None else [])
        blobs = {name: blob for prefix, body in bodies for name, blob in body.blobs(prefix).items()}
        blobs[SQLITE_PATCH] = "".join(patch).encode("utf-8")
        meta = {
            "rows": {prefix: body.records for prefix, body in bodies},
            "withheld": withheld,
            "redactions": dict(self.redactions),
            "sources": sources,
        }
        tables = {f"{prefix}.arrow": body.arrow_table() for prefix, body in bodies}
        return self.cache.save_part(digest, blobs, tables, meta)

    def _take_in(self, dump: _Dump, part: _Part) -> None:
        """What a partition adds to the run: withheld ids (its children's partitions key on
        them), counts, sources, and its changes to the SQLite copy."""
        self.withheld.update(part.meta["withheld"])
        self.report.redactions.update(part.meta["redactions"])
        self.sources.update(part.meta["sources"])
        for table, prefix in self._tables(dump):
            if part.rows(prefix):
                self.report.records[table.name] += part.rows(prefix)
        with part.file(SQLITE_PATCH).open(encoding="utf-8") as lines:
            for line in lines:
                record_id, published = json.loads(line)
                self.public_copy.apply(dump.record_type, {"id": record_id}, published)

    @staticmethod
    def _tables(dump: _Dump) -> list[tuple[TableDoc, str]]:
        return [(dump.table, MAIN)] + ([(dump.child_table, CHILD)] if dump.child_table else [])

    def publish(self, record_type: RecordType, record: dict, count: bool = False) -> dict | None:
        """The record as the publishing rules let it out, or None (remembered as withheld)."""
        if record["id"] in self.withheld or any(
            record.get(parent) in self.withheld for parent in PARENT_FIELDS
        ):
            self.withheld.add(record["id"])
            return None
        counter = self.redactions if count else None
        published = self.forms.publish(record_type, record, counter)
        if published is None:
            self.withheld.add(record["id"])
        return published

    # -- files

    def _write_files(self, dump: _Dump, town: str | None, parts: list[_Part]) -> None:
        """The dump's files of one town (or of the whole archive, ``town`` None), each
        assembled from the partitions' bytes, or linked as it was when none changed."""
        for table, prefix in self._tables(dump):
            formats = [(".csv", "csv"), (EXCEL_SUFFIX, "excel-csv"), (".parquet", "parquet")]
            if prefix == MAIN:
                formats.append((".jsonl", "jsonl"))
            self._write_table(table, prefix, formats, town, parts)

    def _write_table(
        self,
        table: TableDoc,
        prefix: str,
        formats: list[tuple[str, str]],
        town: str | None,
        parts: list[_Part],
    ) -> None:
        directory = self.directory / town if town else self.directory
        directory.mkdir(exist_ok=True)
        records = sum(part.rows(prefix) for part in parts)
        for suffix, kind in formats:
            target = directory / f"{table.name}{suffix}"
            assembled = self._assembled(table, prefix, suffix, parts)
            _link(assembled.path, target)
            if assembled.sha256 is not None:
                self.csv_sha256[target] = assembled.sha256
            self.report.files_reused += assembled.reused
            self.report.files.append(
                file_entry(
                    self.directory,
                    target,
                    kind,
                    self.generated_at,
                    table.name,
                    town,
                    records,
                )
            )

    def _assembled(
        self, table: TableDoc, prefix: str, suffix: str, parts: list[_Part]
    ) -> _Assembled:
        key = _digest_of(code_version(), table.name, suffix, *(part.digest for part in parts))
        if suffix == ".parquet":
            sources = [part.file(f"{prefix}.arrow") for part in parts]
            return self.cache.assembled(
                key, suffix, lambda path: _assemble_parquet(path, table, sources)
            )
        sources = [part.file(prefix + suffix) for part in parts]
        header = header_bytes(table, suffix)
        return self.cache.assembled(
            key, suffix, lambda path: _concatenate(path, header, sources, suffix == ".csv")
        )

    # -- items and matters (transform/export_items.py)

    def _export_items_and_matters(self, towns: list[str]) -> None:
        """Derived from the published records: the items of each year of a town's actions
        (an item's documents share a date) and the matters of each town, cached as the
        record partitions are and assembled into files the same way."""
        self.public_copy.clear_derived()
        every_town: dict[DerivedType, list[_Part]] = {kind: [] for kind in DERIVED_TABLES}
        for town in towns:
            for kind, parts in self._derived_parts(town).items():
                self._write_table(DERIVED_TABLES[kind], MAIN, DERIVED_FORMATS, town, parts)
                every_town[kind] += parts
                for part in parts:
                    self.public_copy.add_derived_rows(
                        kind, _json_lines(part.file(SQLITE_ROWS)), self.generated_at
                    )
        for kind, parts in every_town.items():
            table = DERIVED_TABLES[kind]
            self._write_table(table, MAIN, DERIVED_FORMATS, None, parts)
            self.report.records[table.name] += sum(part.rows(MAIN) for part in parts)
            self.progress(f"{table.name}: {self.report.records[table.name]} rows")

    def _derived_parts(self, town: str) -> dict[DerivedType, list[_Part]]:
        municipality = next(iter(self._published(RecordType.MUNICIPALITY, town)), None)
        if municipality is None:  # the town's datapackage still lists empty files
            return {kind: [] for kind in DERIVED_TABLES}
        years = self.partitions.get((RecordType.ACTION, town), [])
        items = [self._items_part(town, municipality, [year]) for year in years]
        if not _assemble_in_order(items):
            # Ids or sort keys meet across years (odd ids or dates): derive the town whole.
            items = [self._items_part(town, municipality, years)] if years else []
        return {
            DerivedType.ITEM: items,
            DerivedType.MATTER: self._matters_parts(town, municipality, items),
        }

    def _items_part(self, town: str, municipality: dict, years: list[tuple]) -> _Part:
        """The items of the town's actions of ``years`` (listed partitions), from the
        cache when nothing they depend on changed."""
        meetings = {
            entry["meeting"] for _, entries, _ in years for entry in entries if entry["meeting"]
        }
        digest = _digest_of(
            self._town_digest(town),
            "items",
            *(f"{period}:{part.digest}" for period, _, part in years),
            *sorted(self._meeting_marks(town).get(meeting, meeting) for meeting in meetings),
        )
        periods = [period for period, _, _ in years]
        return self._derived_part(
            digest, lambda digest: self._derive_items(digest, town, municipality, periods)
        )

    def _town_digest(self, town: str) -> str:
        """What every derived part of the town depends on: the code, the municipality and
        its organs (names, twins) as published."""
        return _digest_of(
            derivation_version(),
            town,
            *(
                part.digest
                for record_type in (RecordType.MUNICIPALITY, RecordType.ORGANIZATION)
                for _, _, part in self.partitions.get((record_type, town), [])
            ),
        )

    def _meeting_marks(self, town: str) -> dict[str, str]:
        """meeting id -> what its published form depends on (items read its kind)."""
        if town not in self._meeting_marks_of:
            self._meeting_marks_of[town] = {
                entry["id"]: self._entry_mark(RecordType.MEETING, entry)
                for _, entries, _ in self.partitions.get((RecordType.MEETING, town), [])
                for entry in entries
            }
        return self._meeting_marks_of[town]

    def _derived_part(self, digest: str, make: Callable[[str], _Part]) -> _Part:
        part = self.cache.part(digest)
        if part is None:
            part = make(digest)
            self.report.derived_parts_rebuilt += 1
        else:
            self.report.derived_parts_reused += 1
        return part

    def _derive_items(
        self, digest: str, town: str, municipality: dict, periods: list[str]
    ) -> _Part:
        actions = [
            shown
            for period in periods
            for record in self.store.iter_period_records(RecordType.ACTION, town, period)
            if (shown := self.publish(RecordType.ACTION, record))
        ]
        meeting_ids = {action.get("meeting") for action in actions}
        meetings = [
            meeting
            for meeting in self._published(RecordType.MEETING, town)
            if meeting["id"] in meeting_ids
        ]
        organizations = self._published(RecordType.ORGANIZATION, town)
        before = session_items(municipality, organizations, meetings, actions, self.keyword_memo)
        items = unique_ids(before)
        # Names as published: an organ's name passes the rules like any other text.
        names = {organization["id"]: organization.get("name") for organization in organizations}
        pairs = derived_rows(
            Derived(items, [], {}),
            municipality,
            names,
            {action["id"]: action for action in actions},
        )[DerivedType.ITEM]
        meta = {
            "ids_before": [item["id"] for item in before],
            "items": [[item.get(name) for name in MATTER_INPUTS] for item in items],
        }
        return self._save_derived(digest, DerivedType.ITEM, pairs, items, meta)

    def _matters_parts(self, town: str, municipality: dict, items: list[_Part]) -> list[_Part]:
        """The town's matters from its items, one part per year of their last date,
        newest first: a part is formatted again only when one of its matters changed."""
        # In id order, as group_items has them (parts keep theirs; ids never repeat
        # across parts, see _assemble_in_order).
        inputs = sorted(
            (
                dict(zip(MATTER_INPUTS, values, strict=True))
                for part in items
                for values in part.meta["items"]
            ),
            key=lambda item: item["id"],
        )
        matters = matters_of(town, inputs)
        pairs = derived_rows(Derived([], matters, {}), municipality, {}, {})[DerivedType.MATTER]
        years: dict[str, list[tuple[dict, dict]]] = {}
        for row, matter in pairs:  # newest first; a year's dates sort together
            years.setdefault((matter["last_date"] or "")[:4], []).append((row, matter))
        return [self._matters_part(town, year, year_pairs) for year, year_pairs in years.items()]

    def _matters_part(self, town: str, year: str, pairs: list[tuple[dict, dict]]) -> _Part:
        matters = [matter for _, matter in pairs]
        digest = _digest_of(
            self._town_digest(town), "matters", year, *(_encode_json(matter) for matter in matters)
        )
        return self._derived_part(
            digest,
            lambda digest: self._save_derived(digest, DerivedType.MATTER, pairs, matters, {}),
        )

    def _save_derived(
        self,
        digest: str,
        kind: DerivedType,
        pairs: list[tuple[dict, dict]],
        records: list[dict],
        meta: dict,
    ) -> _Part:
        """Rows formatted for every file, newest first, and for the SQLite copy."""
        body = _TableBody(DERIVED_TABLES[kind], with_jsonl=True)
        for row, record in pairs:
            body.add(row, record)
        blobs = body.blobs(MAIN)
        blobs[SQLITE_ROWS] = "".join(
            _encode_json(derived_row(kind, record)) + "\n" for record in records
        ).encode("utf-8")
        keys = [_newest_first_key(kind, record) for _, record in pairs]
        meta = {**meta, "rows": {MAIN: body.records}, "keys": keys[:1] + keys[-1:]}
        return self.cache.save_part(digest, blobs, {f"{MAIN}.arrow": body.arrow_table()}, meta)

    def _published(self, record_type: RecordType, town: str) -> list[dict]:
        """The town's records of a type as published, read once per run."""
        key = (record_type, town)
        if key not in self._town_records:
            records = (
                [record for record in self.store.municipalities() if record["id"] == town]
                if record_type is RecordType.MUNICIPALITY
                else self.store.iter_records(record_type, town)
            )
            self._town_records[key] = [
                shown for record in records if (shown := self.publish(record_type, record))
            ]
        return self._town_records[key]

    # -- change log

    def _export_change_log(self) -> None:
        lines = change_log.fold_changes(self.store.iter_changes())
        directory = self.directory / change_log.CHANGES_DIR
        files = change_log.write_change_log(lines, directory, self.generated_at, self.withheld)
        for item in files:
            self.report.files.append(
                file_entry(
                    self.directory,
                    item.path,
                    "jsonl",
                    self.generated_at,
                    "changes",
                    None,
                    item.records,
                )
            )
            self.report.change_lines += item.records
        self.report.files.append(
            file_entry(
                self.directory,
                directory / change_log.CHANGES_INDEX,
                "json",
                self.generated_at,
                "changes",
            )
        )

    # -- datapackage.json, index.json

    def _write_datapackage(self, town: str | None) -> None:
        directory = self.directory / town if town else self.directory
        resources = [
            _resource(
                table,
                directory / f"{table.name}.csv",
                self.csv_sha256[directory / f"{table.name}.csv"],
            )
            for table in csv_tables()
        ]
        sources = (
            [self.sources[town]]
            if town in self.sources
            else (list(self.sources.values()) if town is None else [])
        )
        package = {
            "profile": "tabular-data-package",
            "name": f"avoin-{town}" if town else "avoin",
            "title": "Avoin: municipal decisions" + (f" ({town})" if town else ""),
            "description": (
                "Agendas, minutes and officeholder decisions harvested from Finnish "
                "municipalities' publishing platforms. Fields: docs/schema.md. / "
                "fi: Kuntien esityslistat, pöytäkirjat ja viranhaltijapäätökset."
            ),
            "created": self.generated_at,
            "licenses": [LICENSE],
            "sources": sources,
            "resources": resources,
        }
        path = directory / DATAPACKAGE_FILE
        path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        self.report.files.append(
            file_entry(self.directory, path, "datapackage", self.generated_at, None, town)
        )

    def _write_index(self) -> None:
        # A plain list: the site's downloads page (site_builder/downloads.py) reads it.
        index = [asdict(entry) for entry in self.report.files]
        (self.directory / INDEX_FILE).write_text(
            json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


def _newest_first_key(kind: DerivedType, record: dict) -> list[str]:
    """What items and matters are sorted by, newest first (export_items.derived_rows)."""
    date = record["date"] if kind is DerivedType.ITEM else record["last_date"]
    return [date or "", record["id"]]


def _assemble_in_order(items: list[_Part]) -> bool:
    """Whether the items' parts, one per year, give the town's items as deriving them
    all at once would: no id (before or after ``unique_ids``) in two parts, and each
    part's rows all newer than the next part's, so that the files are the parts one
    after another."""
    seen_before: set[str] = set()
    seen_after: set[str] = set()
    for part in items:
        before = set(part.meta["ids_before"])
        after = {values[0] for values in part.meta["items"]}
        if before & seen_before or after & seen_after:
            return False
        seen_before |= before
        seen_after |= after
    bounds = [part.meta["keys"] for part in items if part.meta["keys"]]  # [newest, oldest]
    return all(before[1] > after[0] for before, after in zip(bounds, bounds[1:], strict=False))


def _json_lines(path: Path) -> Iterator:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def _source(municipality: dict) -> dict:
    """A municipality as a datapackage source."""
    name = municipality.get("name") or {}
    title = " / ".join(dict.fromkeys(value for value in name.values() if value))
    source = {"title": title or municipality["id"]}
    if municipality.get("base_url"):
        source["path"] = municipality["base_url"]
    return source


def _resource(table: TableDoc, path: Path, sha256: str) -> dict:
    return {
        "name": table.name,
        "path": path.name,
        "profile": "tabular-data-resource",
        "title": table.name,
        "description": f"{table.en} / fi: {table.fi}",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": path.stat().st_size,
        "hash": f"sha256:{sha256}",
        "schema": table_schema(table),
    }
