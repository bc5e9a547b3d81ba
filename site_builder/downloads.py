"""What the downloads and schema pages show: the dump index the exporter writes and the
schema documentation, both owned by transform/ and only read here.

``<out>/data/index.json`` lists every dump: ``[{path, format, table, municipality, bytes,
records, generated_at}]``. The builder runs after the exporter; a site built without dumps
says so instead of linking to files that are not there.
"""

from __future__ import annotations

import json
from pathlib import Path

DUMP_DIR = "data"
DUMP_INDEX = "index.json"
DUMP_FIELDS = ("path", "format", "table", "municipality", "bytes", "records", "generated_at")


class DumpIndexError(ValueError):
    """data/index.json exists but is not the list of dumps the exporter should write."""


def read_dump_index(out_dir: Path) -> list[dict] | None:
    """The dumps, in the order the exporter listed them; None when no dumps were built."""
    index_path = Path(out_dir) / DUMP_DIR / DUMP_INDEX
    if not index_path.is_file():
        return None
    try:
        entries = json.loads(index_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise DumpIndexError(f"{index_path}: not JSON ({error})") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DumpIndexError(f"{index_path}: expected a list of objects")
    return [_dump_entry(entry, index_path) for entry in entries]


def _dump_entry(entry: dict, index_path: Path) -> dict:
    path = entry.get("path")
    # The link is built from this path: a relative, plain one inside data/ only.
    if not isinstance(path, str) or not path or path.startswith("/") or ".." in path.split("/"):
        raise DumpIndexError(f"{index_path}: bad dump path {path!r}")
    relative = path if path.startswith(f"{DUMP_DIR}/") else f"{DUMP_DIR}/{path}"
    return {**{name: entry.get(name) for name in DUMP_FIELDS}, "site_path": relative}


# Most wanted first: the decisions as a spreadsheet, then what they hang on.
TABLE_ORDER = (
    "items",
    "matters",
    "actions",
    "attachments",
    "meetings",
    "organizations",
    "municipalities",
    "changes",
)
FORMAT_ORDER = ("excel-csv", "csv", "parquet", "jsonl", "sqlite", "datapackage", "json")


def group_dumps(dumps: list[dict]) -> tuple[list[dict], list[tuple[str, list[dict]]]]:
    """The whole archive's files, then ``[(municipality id, its files)]``, each sorted by
    table (most wanted first) and format."""

    def order(dump: dict) -> tuple:
        table, kind = dump.get("table"), dump.get("format")
        return (
            TABLE_ORDER.index(table) if table in TABLE_ORDER else len(TABLE_ORDER),
            FORMAT_ORDER.index(kind) if kind in FORMAT_ORDER else len(FORMAT_ORDER),
            dump["path"],
        )

    whole = sorted((dump for dump in dumps if not dump.get("municipality")), key=order)
    towns: dict[str, list[dict]] = {}
    for dump in dumps:
        if dump.get("municipality"):
            towns.setdefault(dump["municipality"], []).append(dump)
    return whole, [(town, sorted(files, key=order)) for town, files in sorted(towns.items())]


def schema_tables_if_available() -> list[dict] | None:
    """transform.schema_docs.schema_tables(), when that module exists in this checkout."""
    try:
        from transform import schema_docs
    except ModuleNotFoundError as error:
        if error.name != "transform.schema_docs":
            raise  # the module exists but something it imports is missing: a real failure
        return None
    return schema_docs.schema_tables()
