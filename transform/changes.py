"""The change log for readers: changes/YYYY-MM-DD.jsonl and changes/index.json.

The store logs every change as it merges (table ``changes``; a record can change
several times in one run, once per page that mentions it). Here those rows are folded
into one line per record and run: *added*, *amended* (with the names of the fields
that changed) or *withdrawn*. A record changed and changed back within one run is no
change. Files are named by the run's date in Finland, where the readers are; changes
made outside a run (municipalities synced from configuration) go by their own date.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from transform.store import ChangeKind

HELSINKI = ZoneInfo("Europe/Helsinki")
CHANGES_DIR = "changes"
CHANGES_INDEX = "index.json"
LINE_FIELDS = (
    "date",
    "run_id",
    "change",
    "record_type",
    "id",
    "municipality",
    "fields",
    "changed_at",
)


@dataclass
class _Folded:
    """One record's changes within one run, folded as they come, oldest first."""

    first: dict
    last: dict
    fields: set[str] = field(default_factory=set)

    def add(self, row: dict) -> None:
        self.last = row
        self.fields.update(row["fields"])

    def line(self, day: date) -> dict | None:
        """The change-log line, or None when the run left the record as it found it."""
        started_new = self.first["change"] == ChangeKind.ADDED
        if self.last["change"] == ChangeKind.WITHDRAWN:
            if started_new:
                return None  # appeared and vanished within the run: never published
            change, fields = ChangeKind.WITHDRAWN, []
        elif started_new:
            change, fields = ChangeKind.ADDED, []
        elif self.first["old_hash"] == self.last["new_hash"]:
            return None
        else:
            change, fields = ChangeKind.AMENDED, sorted(self.fields)
        return {
            "date": day.isoformat(),
            "run_id": self.first["run_id"],
            "change": str(change),
            "record_type": self.first["record_type"],
            "id": self.first["record_id"],
            "municipality": self.first["municipality"],
            "fields": fields,
            "changed_at": self.last["changed_at"],
        }


@dataclass(frozen=True)
class ChangeFile:
    date: str
    path: Path
    records: int
    counts: dict[str, int]


def helsinki_date(timestamp: str) -> date:
    moment = datetime.fromisoformat(timestamp)
    if moment.tzinfo is None:
        raise ValueError(f"timestamp without an offset: {timestamp!r}")
    return moment.astimezone(HELSINKI).date()


def fold_changes(rows: Iterable[dict]) -> Iterator[dict]:
    """Store change rows -> change-log lines, one per record and run, streaming.

    ``rows`` come as Store.iter_changes gives them: by run, then record, then time, so a
    record's changes within a run are consecutive and only one record is held at a time.
    """
    key, folded = None, None
    for row in rows:
        # Outside a run (run_id None), a day's changes count as one run of that day.
        day = helsinki_date(row["run_started_at"] or row["changed_at"])
        row_key = (row["run_id"], day, row["record_id"])
        if row_key == key:
            folded.add(row)
            continue
        if folded is not None and (line := folded.line(key[1])) is not None:
            yield line
        key, folded = row_key, _Folded(first=row, last=row, fields=set(row["fields"]))
    if folded is not None and (line := folded.line(key[1])) is not None:
        yield line


def write_change_log(
    lines: Iterable[dict], directory: Path, generated_at: str, withheld: Collection[str] = ()
) -> list[ChangeFile]:
    """One JSON-lines file per date under ``directory``, and index.json listing them.
    Lines about ``withheld`` records are left out: the log must not name a takedown."""
    directory.mkdir(parents=True, exist_ok=True)
    counts: dict[str, dict[str, int]] = {}
    day, out = None, None
    try:
        for line in lines:
            if line["id"] in withheld:
                continue
            if line["date"] != day:
                # Runs come in order, so a day's lines mostly arrive together; appending
                # covers the rest without holding a file open per day.
                if out is not None:
                    out.close()
                day = line["date"]
                out = (directory / f"{day}.jsonl").open("a", encoding="utf-8", newline="\n")
                counts.setdefault(day, {str(kind): 0 for kind in ChangeKind})
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            counts[day][line["change"]] += 1
    finally:
        if out is not None:
            out.close()
    files = [
        ChangeFile(day, directory / f"{day}.jsonl", sum(by_kind.values()), by_kind)
        for day, by_kind in sorted(counts.items())
    ]
    _write_index(directory, files, generated_at)
    return files


def _write_index(directory: Path, files: list[ChangeFile], generated_at: str) -> None:
    index = {
        "generated_at": generated_at,
        "files": [
            {
                "date": item.date,
                "path": item.path.name,
                "records": item.records,
                "bytes": item.path.stat().st_size,
                **item.counts,
            }
            for item in files
        ],
    }
    (directory / CHANGES_INDEX).write_text(
        json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
