"""`avoin export`: the open-data dumps under <out>/data/, for the whole archive and per
municipality (what each file holds: docs/schema.md, generated from transform/schema_docs.py).

Every record passes through the publishing rules (transform/publishing.py) on its way
out: a withheld record, and every record under a withheld parent (the items of a meeting
taken down), is absent from every file; the others are written as the rules redacted
them. Records are streamed from the store one at a time and written to all formats at
once, so memory does not grow with the archive (Parquet holds one batch of rows).

The dumps are written into a fresh directory beside <out>/data/ and swapped in at the
end, so readers never see half an export and files of a removed municipality go away.
"""

from __future__ import annotations

import collections
import csv
import hashlib
import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from transform import changes as change_log
from transform.publishing import PublishingPolicy, publishable
from transform.schema import RecordType
from transform.schema_docs import (
    ACTIONS,
    ATTACHMENTS,
    LICENSE,
    LIST_SEPARATOR,
    MEETINGS,
    MUNICIPALITIES,
    ORGANIZATIONS,
    TableDoc,
    csv_tables,
    table_schema,
)
from transform.store import PublicCopy, Store, utc_now

DATA_DIR = "data"
INDEX_FILE = "index.json"
DATAPACKAGE_FILE = "datapackage.json"
SQLITE_FILE = "avoin.sqlite"
EXCEL_SUFFIX = ".excel.csv"
PARQUET_BATCH_ROWS = 1000
# Excel runs a cell that starts with one of these as a formula (CSV injection): in the
# Excel variant such text gets a leading apostrophe, which Excel reads as "this is text".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PARENT_FIELDS = ("municipality", "organization", "meeting")


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

    def __str__(self) -> str:
        size = sum(entry.bytes for entry in self.files) / 1_000_000
        tables = ", ".join(f"{count} {table}" for table, count in self.records.items())
        redacted = ", ".join(f"{kind} {count}" for kind, count in sorted(self.redactions.items())
                             if kind != "takedown")
        return (f"{len(self.files)} files, {size:.1f} MB: {tables}; {self.withheld} withheld"
                f"{f' (redacted: {redacted})' if redacted else ''}; "
                f"{self.change_lines} change-log lines")


# -- rows: a published record -> the values of its table's columns --------------------


def municipality_row(record: dict) -> dict:
    name = record.get("name") or {}
    return {
        **_plain_row(MUNICIPALITIES, record),
        "name_fi": name.get("fi"),
        "name_sv": name.get("sv"),
        "languages": _joined(record.get("languages")),
    }


def organization_row(record: dict) -> dict:
    return _plain_row(ORGANIZATIONS, record)


def meeting_row(record: dict) -> dict:
    return _plain_row(MEETINGS, record)


def action_row(record: dict) -> dict:
    contents = record.get("contents") or []
    return {
        **_plain_row(ACTIONS, record),
        "preparers": _joined(record.get("preparers")),
        "history": record.get("history"),
        "contents": [
            {key: content.get(key) for key in ("type", "label", "text")} for content in contents
        ] if contents else None,
        "attachment_count": len(record.get("attachments") or []),
    }


def attachment_rows(action: dict) -> list[dict]:
    provenance = {key: action.get(key) for key in ("source_url", "fetched_at", "raw_sha256",
                                                    "parser_version")}
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


def _typed(table: TableDoc, row: dict) -> dict:
    """Coerce each value to its column's type, naming the record when one cannot be."""
    typed = {}
    for column in table.fields:
        value = row.get(column.name)
        try:
            typed[column.name] = _coerce(column.type, value)
        except (TypeError, ValueError) as error:
            record_id = row.get("id") or row.get("action")
            raise ExportError(
                f"{table.name} {record_id}: {column.name}={value!r} is not a {column.type}"
            ) from error
    return typed


def _coerce(kind: str, value):
    if value is None or value == "":
        return None
    if kind == "string":
        return str(value)
    if kind == "integer":
        if isinstance(value, bool):
            raise TypeError("a boolean is not an integer")
        return int(value)
    if kind == "boolean":
        if not isinstance(value, bool):
            raise TypeError("not a boolean")
        return value
    if kind == "date":
        return date.fromisoformat(value).isoformat()
    if kind == "datetime":
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError("a time without an offset is ambiguous")
        return value
    if kind == "array":
        if not isinstance(value, list):
            raise TypeError("not a list")
        return json.dumps(value, ensure_ascii=False)  # JSON text in every format
    raise ValueError(f"unknown column type {kind!r}")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class PreparedRow:
    """One row formatted once for all the files it goes to (the whole and its town's)."""

    typed: dict
    csv_cells: list[str]
    excel_cells: list[str]
    jsonl: str | None  # the full record, for tables with a JSON-lines file


def prepare_row(table: TableDoc, row: dict, record: dict | None = None) -> PreparedRow:
    typed = _typed(table, row)
    cells = [_csv_cell(typed[name]) for name in table.field_names]
    # Only text can start so: numbers here are never negative, dates start with a digit.
    excel = ["'" + cell if cell.startswith(FORMULA_STARTS) else cell for cell in cells]
    line = json.dumps(record, ensure_ascii=False) + "\n" if record is not None else None
    return PreparedRow(typed, cells, excel, line)


ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "datetime": pa.timestamp("us", tz="UTC"),
    "array": pa.string(),  # JSON text, as in the CSV
}


def _arrow_value(kind: str, value):
    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "datetime":
        return datetime.fromisoformat(value)
    return value


def arrow_schema(table: TableDoc) -> pa.Schema:
    return pa.schema([(column.name, ARROW_TYPES[column.type]) for column in table.fields])


# -- writers --------------------------------------------------------------------------


class TableFiles:
    """One table's files in one directory: CSV, Excel CSV, Parquet and (for record
    tables) JSON lines. Rows go to all of them as they come."""

    def __init__(self, directory: Path, table: TableDoc, municipality: str | None,
                 with_jsonl: bool):
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.table = table
        self.municipality = municipality
        self.records = 0
        self._csv_file = self._open(".csv", "utf-8")
        # Finnish and Swedish Excel read ';'-separated files, and UTF-8 only with a BOM.
        self._excel_file = self._open(EXCEL_SUFFIX, "utf-8-sig")
        self._jsonl_file = self._open(".jsonl", "utf-8") if with_jsonl else None
        self._csv = csv.writer(self._csv_file, lineterminator="\n")
        self._excel = csv.writer(self._excel_file, delimiter=";", lineterminator="\r\n")
        self._csv.writerow(table.field_names)
        self._excel.writerow(table.field_names)
        self._schema = arrow_schema(table)
        self._parquet = pq.ParquetWriter(self._path(".parquet"), self._schema)
        self._batch: list[dict] = []

    def _path(self, suffix: str) -> Path:
        return self.directory / f"{self.table.name}{suffix}"

    def _open(self, suffix: str, encoding: str):
        return self._path(suffix).open("w", encoding=encoding, newline="")

    def write(self, row: PreparedRow) -> None:
        self._csv.writerow(row.csv_cells)
        self._excel.writerow(row.excel_cells)
        if self._jsonl_file is not None:
            self._jsonl_file.write(row.jsonl)
        self._batch.append(row.typed)
        if len(self._batch) >= PARQUET_BATCH_ROWS:
            self._flush_parquet()
        self.records += 1

    def _flush_parquet(self) -> None:
        columns = {
            column.name: [_arrow_value(column.type, row[column.name]) for row in self._batch]
            for column in self.table.fields
        }
        self._parquet.write_table(pa.Table.from_pydict(columns, schema=self._schema))
        self._batch = []

    def close(self, data_dir: Path, generated_at: str) -> list[FileEntry]:
        if self._batch:
            self._flush_parquet()
        self._parquet.close()
        formats = [(".csv", "csv"), (EXCEL_SUFFIX, "excel-csv"), (".parquet", "parquet")]
        for handle in (self._csv_file, self._excel_file, self._jsonl_file):
            if handle is not None:
                handle.close()
        if self._jsonl_file is not None:
            formats.append((".jsonl", "jsonl"))
        return [
            file_entry(data_dir, self._path(suffix), kind, generated_at, self.table.name,
                       self.municipality, self.records)
            for suffix, kind in formats
        ]


def file_entry(data_dir: Path, path: Path, kind: str, generated_at: str,
               table: str | None = None, municipality: str | None = None,
               records: int | None = None) -> FileEntry:
    return FileEntry(path.relative_to(data_dir).as_posix(), kind, table, municipality,
                     path.stat().st_size, records, generated_at)


# -- the export -----------------------------------------------------------------------


def export_dumps(
    store: Store, out_dir: Path, *, policy: PublishingPolicy | None = None,
    generated_at: str | None = None, progress: Callable[[str], None] | None = None,
) -> ExportReport:
    """Write every dump into ``out_dir``/data/ (replacing what was there); ``progress``
    hears a line as each table is done."""
    out_dir = Path(out_dir)
    target = out_dir / DATA_DIR
    work = out_dir / ".data-export-new"
    if work.exists():
        shutil.rmtree(work)  # left by an interrupted export
    exporter = _Exporter(store, work, policy or PublishingPolicy.load(),
                         generated_at or utc_now(), progress or (lambda message: None))
    report = exporter.run()
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


class _Exporter:
    def __init__(self, store: Store, directory: Path, policy: PublishingPolicy,
                 generated_at: str, progress: Callable[[str], None]):
        self.store = store
        self.progress = progress
        self.directory = directory
        self.policy = policy
        self.generated_at = generated_at
        self.report = ExportReport(directory)
        # Ids published nowhere: withheld by the rules, or under a withheld parent.
        self.withheld: set[str] = set()
        self.sources: dict[str, dict] = {}  # municipality id -> datapackage source
        self.public_copy: PublicCopy | None = None  # avoin.sqlite, while it is written

    def run(self) -> ExportReport:
        self.directory.mkdir(parents=True)
        towns = self.store.record_municipalities()
        sqlite_path = self.directory / SQLITE_FILE
        with self.store.open_public_copy(sqlite_path) as self.public_copy:
            for dump in DUMPS:
                self._export_dump(dump, towns)
            kept = self.public_copy.finish(self.publish)
        self.report.files.append(file_entry(
            self.directory, sqlite_path, "sqlite", self.generated_at, records=sum(kept.values()),
        ))
        self._export_change_log()
        self._write_datapackage(None)
        for town in towns:
            self._write_datapackage(town)
        self._write_index()
        self.report.withheld = len(self.withheld)
        return self.report

    # -- tables

    def _export_dump(self, dump: _Dump, towns: Iterable[str]) -> None:
        whole = self._open_files(dump, None)
        for town in towns:
            local = self._open_files(dump, town)
            records = self.store.iter_records(dump.record_type, town, include_withdrawn=True)
            for record in records:
                published = self.publish(dump.record_type, record, count=True)
                self.public_copy.apply(dump.record_type, record, published)
                if published is None:
                    continue
                self._write(dump, published, (whole, local))
                self.report.records[dump.table.name] += 1
                if dump.record_type is RecordType.MUNICIPALITY:
                    self._note_source(published)
            self._close_files(local)
        self._close_files(whole)
        self.progress(f"{dump.table.name}: {self.report.records[dump.table.name]} rows")

    def _open_files(self, dump: _Dump, town: str | None) -> list[TableFiles]:
        directory = self.directory / town if town else self.directory
        files = [TableFiles(directory, dump.table, town, with_jsonl=True)]
        if dump.child_table is not None:
            files.append(TableFiles(directory, dump.child_table, town, with_jsonl=False))
        return files

    def _write(self, dump: _Dump, record: dict, scopes: Iterable[list[TableFiles]]) -> None:
        row = prepare_row(dump.table, dump.row(record), record)
        children = [prepare_row(dump.child_table, child) for child in dump.child_rows(record)
                    ] if dump.child_rows else []
        for files in scopes:  # [own table, child table] per scope
            files[0].write(row)
            for child in children:
                files[1].write(child)
        if children:
            self.report.records[dump.child_table.name] += len(children)

    def _close_files(self, files: list[TableFiles]) -> None:
        for table_files in files:
            self.report.files += table_files.close(self.directory, self.generated_at)

    def publish(self, record_type: RecordType, record: dict, count: bool = False) -> dict | None:
        """The record as the publishing rules let it out, or None (remembered as withheld)."""
        if record["id"] in self.withheld or any(
            record.get(parent) in self.withheld for parent in PARENT_FIELDS
        ):
            self.withheld.add(record["id"])
            return None
        counter = self.report.redactions if count else None
        published = publishable(record_type, record, self.policy, counter)
        if published is None:
            self.withheld.add(record["id"])
        return published

    def _note_source(self, municipality: dict) -> None:
        name = municipality.get("name") or {}
        title = " / ".join(dict.fromkeys(value for value in name.values() if value))
        source = {"title": title or municipality["id"]}
        if municipality.get("base_url"):
            source["path"] = municipality["base_url"]
        self.sources[municipality["id"]] = source

    # -- change log

    def _export_change_log(self) -> None:
        lines = change_log.fold_changes(self.store.iter_changes())
        directory = self.directory / change_log.CHANGES_DIR
        files = change_log.write_change_log(lines, directory, self.generated_at, self.withheld)
        for item in files:
            self.report.files.append(file_entry(
                self.directory, item.path, "jsonl", self.generated_at, "changes", None,
                item.records,
            ))
            self.report.change_lines += item.records
        self.report.files.append(file_entry(
            self.directory, directory / change_log.CHANGES_INDEX, "json", self.generated_at,
            "changes",
        ))

    # -- datapackage.json, index.json

    def _write_datapackage(self, town: str | None) -> None:
        directory = self.directory / town if town else self.directory
        resources = [
            _resource(table, directory / f"{table.name}.csv") for table in csv_tables()
        ]
        sources = [self.sources[town]] if town in self.sources else (
            list(self.sources.values()) if town is None else [])
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
        path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
        self.report.files.append(
            file_entry(self.directory, path, "datapackage", self.generated_at, None, town)
        )

    def _write_index(self) -> None:
        # A plain list: the site's downloads page (site_builder/downloads.py) reads it.
        index = [asdict(entry) for entry in self.report.files]
        (self.directory / INDEX_FILE).write_text(
            json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


def _resource(table: TableDoc, path: Path) -> dict:
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
        "hash": f"sha256:{_sha256(path)}",
        "schema": table_schema(table),
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
