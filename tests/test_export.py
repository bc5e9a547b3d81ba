"""The open-data dumps: read back with pandas, checked against the store, validated with
frictionless; per-municipality dumps; the publishing rules; the schema documentation.

The demo runs once for the module, in a subprocess (scrapy's reactor runs once per process).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import frictionless
import pandas as pd
import pyarrow.parquet as pq
import pytest

from transform import export as export_module
from transform import schema_docs
from transform.export import (
    CSV,
    EXCEL,
    ExportError,
    ExportReport,
    _csv_cell,
    _excel_cell,
    action_row,
    export_dumps,
)
from transform.publishing import PublishingPolicy, publishable
from transform.schema import ACTION_FIELDS, ContentType, DerivedType, RecordType, make_id
from transform.schema_docs import csv_tables, render_markdown, table_doc
from transform.store import Store

ROOT = Path(__file__).resolve().parents[1]
HETU = "150372-958K"  # in a Hämeenlinna sample item; must never reach a dump
RECORD_TABLES = {
    "municipalities": RecordType.MUNICIPALITY,
    "organizations": RecordType.ORGANIZATION,
    "meetings": RecordType.MEETING,
    "actions": RecordType.ACTION,
}
POLICY = PublishingPolicy(today=date(2026, 11, 23))
GENERATED_AT = "2026-11-23T06:00:00+00:00"
PROVENANCE = {
    "source_url": "https://t/",
    "fetched_at": GENERATED_AT,
    "raw_sha256": "a" * 64,
    "parser_version": "1",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's store and site, and our own export of that store (fixed policy date)."""
    base = tmp_path_factory.mktemp("demo")
    data_dir, site = base / "data", base / "site"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "demo",
            "--out",
            str(site),
            "--data-dir",
            str(data_dir),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    store = Store(data_dir / "avoin.sqlite")
    report = export_dumps(store, base / "out", policy=POLICY, generated_at=GENERATED_AT)
    yield {
        "run": run,
        "store": store,
        "site": site,
        "data": base / "out" / "data",
        "report": report,
    }
    store.close()


def published(store, record_type):
    records = store.iter_records(record_type, include_withdrawn=True)
    return [kept for kept in (publishable(record_type, r, POLICY) for r in records) if kept]


def read_csv(path: Path) -> pd.DataFrame:
    # keep_default_na=False: an empty cell stays "", so no text is mistaken for NaN ("NA").
    return pd.read_csv(path, dtype=str, keep_default_na=False)


# -- counts and one record, in every format ---------------------------------------------


@pytest.mark.parametrize("table", list(RECORD_TABLES))
def test_each_table_loads_back_with_the_store_counts(demo, table):
    expected = published(demo["store"], RECORD_TABLES[table])
    assert expected, "the demo should yield records of every kind"
    data = demo["data"]
    ids = [record["id"] for record in expected]
    assert sorted(read_csv(data / f"{table}.csv")["id"]) == sorted(ids)
    assert sorted(pd.read_parquet(data / f"{table}.parquet")["id"]) == sorted(ids)
    assert len(pd.read_json(data / f"{table}.jsonl", lines=True)) == len(ids)
    excel = pd.read_csv(
        data / f"{table}.excel.csv", sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False
    )
    assert sorted(excel["id"]) == sorted(ids)


def test_attachments_table_has_one_row_per_attachment(demo):
    actions = published(demo["store"], RecordType.ACTION)
    expected = sum(len(action.get("attachments") or []) for action in actions)
    assert expected > 0
    assert len(read_csv(demo["data"] / "attachments.csv")) == expected
    assert len(pd.read_parquet(demo["data"] / "attachments.parquet")) == expected


@pytest.fixture(scope="module")
def rich_action(demo):
    """A published action with preparers, history, contents and attachments."""
    for action in published(demo["store"], RecordType.ACTION):
        if all(
            action.get(key)
            for key in ("preparers", "history", "contents", "attachments", "register_id")
        ):
            return action
    pytest.fail("the demo has no action with preparers, history, contents and attachments")


def test_one_action_field_by_field_in_the_csv(demo, rich_action):
    frame = read_csv(demo["data"] / "actions.csv").set_index("id")
    row = frame.loc[rich_action["id"]]
    assert row["title"] == rich_action["title"]
    assert row["register_id"] == rich_action["register_id"]
    assert row["municipality"] == rich_action["municipality"]
    assert row["organization"] == rich_action["organization"]
    assert row["meeting"] == rich_action["meeting"]
    assert row["date"] == rich_action["date"]
    assert row["ordering"] == str(rich_action["ordering"])
    assert row["preparers"] == " | ".join(rich_action["preparers"])
    assert json.loads(row["history"]) == rich_action["history"]
    assert [c["text"] for c in json.loads(row["contents"])] == [
        c["text"] for c in rich_action["contents"]
    ]
    assert row["attachment_count"] == str(len(rich_action["attachments"]))
    for key in ("source_url", "fetched_at", "raw_sha256", "parser_version", "first_seen"):
        assert row[key] == rich_action[key], key


def test_every_row_says_where_it_came_from(demo):
    for table in ("organizations", "meetings", "actions", "attachments"):
        frame = read_csv(demo["data"] / f"{table}.csv")
        for column in ("source_url", "fetched_at", "raw_sha256", "parser_version"):
            assert (frame[column] != "").all(), f"{table}.{column} has empty cells"


def test_jsonl_holds_the_full_nested_record(demo, rich_action):
    lines = (demo["data"] / "actions.jsonl").read_text(encoding="utf-8").splitlines()
    records = {record["id"]: record for record in map(json.loads, lines)}
    assert records[rich_action["id"]] == rich_action


def test_parquet_has_typed_columns(demo, rich_action):
    frame = pd.read_parquet(demo["data"] / "actions.parquet").set_index("id")
    row = frame.loc[rich_action["id"]]
    assert row["date"] == date.fromisoformat(rich_action["date"])
    assert row["ordering"] == rich_action["ordering"]
    assert row["fetched_at"] == pd.Timestamp(rich_action["fetched_at"])
    assert str(frame["fetched_at"].dtype).startswith("datetime64")
    assert json.loads(row["history"]) == rich_action["history"]


# -- formats -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "package", ["datapackage.json", "vaasa/datapackage.json", "hameenlinna/datapackage.json"]
)
def test_datapackage_and_csvs_validate_with_frictionless(demo, package):
    report = frictionless.validate(str(demo["data"] / package))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])[:5]


def test_datapackage_describes_every_csv_with_keys_licence_and_sources(demo):
    package = json.loads((demo["data"] / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert {source["title"] for source in package["sources"]} >= {"Vaasa / Vasa"}
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == {table.name for table in csv_tables()}
    actions = resources["actions"]["schema"]
    assert actions["primaryKey"] == ["id"]
    assert {"fields": "meeting", "reference": {"resource": "meetings", "fields": "id"}} in (
        actions["foreignKeys"]
    )
    register = next(field for field in actions["fields"] if field["name"] == "register_id")
    assert register["term"] == "diaarinumero / diarienummer"
    assert "fi: Asian diaarinumero" in register["description"]
    assert resources["attachments"]["schema"]["primaryKey"] == ["action", "position"]


def test_excel_variant_has_a_bom_semicolons_and_the_same_rows(demo):
    raw = (demo["data"] / "actions.excel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;municipality;")
    assert b"\r\n" in raw
    excel = pd.read_csv(
        demo["data"] / "actions.excel.csv",
        sep=";",
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    plain = read_csv(demo["data"] / "actions.csv")
    assert list(excel.columns) == list(plain.columns)
    assert excel["title"].tolist() == plain["title"].tolist()


def test_sqlite_copy_is_one_consistent_file_without_logs(demo):
    path = demo["data"] / "avoin.sqlite"
    assert not Path(f"{path}-wal").exists()
    with sqlite3.connect(path) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT COUNT(*) FROM harvest_log").fetchone()[0] == 0
        tables = {name for (name,) in copy.execute("SELECT name FROM sqlite_master")}
        # Memories of unredacted texts stay in the store.
        assert not tables & {"published_forms", "keyword_tags", "word_analyses"}
        assert copy.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == len(
            published(demo["store"], RecordType.ACTION)
        )


def test_index_lists_every_file_with_size_and_records(demo):
    data = demo["data"]
    index = json.loads((data / "index.json").read_text(encoding="utf-8"))
    listed = {entry["path"]: entry for entry in index}
    on_disk = {path.relative_to(data).as_posix() for path in data.rglob("*") if path.is_file()}
    assert set(listed) == on_disk - {"index.json"}
    for path, entry in listed.items():
        assert entry["bytes"] == (data / path).stat().st_size, path
        assert entry["generated_at"] == GENERATED_AT
    actions = listed["vaasa/actions.csv"]
    assert (actions["format"], actions["table"], actions["municipality"]) == (
        "csv",
        "actions",
        "vaasa",
    )
    assert actions["records"] == len(read_csv(data / "vaasa/actions.csv"))
    assert listed["avoin.sqlite"]["format"] == "sqlite"
    assert listed["actions.parquet"]["municipality"] is None


# -- per municipality ----------------------------------------------------------------------


def test_municipality_dumps_hold_only_their_town_and_add_up_to_the_whole(demo):
    data = demo["data"]
    towns = sorted(path.name for path in data.iterdir() if path.is_dir() and path.name != "changes")
    assert {"hameenlinna", "vaasa", "kristinestad"} <= set(towns)
    for table in ("organizations", "meetings", "actions", "attachments"):
        whole = read_csv(data / f"{table}.csv")
        parts = [read_csv(data / town / f"{table}.csv") for town in towns]
        for town, part in zip(towns, parts, strict=True):
            assert set(part["municipality"]) <= {town}, (town, table)
            assert (pd.read_parquet(data / town / f"{table}.parquet")["municipality"] == town).all()
        assert sum(len(part) for part in parts) == len(whole), table


# -- publishing rules ------------------------------------------------------------------------


def test_no_dump_contains_a_personal_identity_code(demo):
    with sqlite3.connect(demo["store"].path) as source:
        assert source.execute(
            "SELECT COUNT(*) FROM actions WHERE data LIKE ?", (f"%{HETU}%",)
        ).fetchone()[0], "the sample should carry one"
    for path in demo["data"].rglob("*"):
        if path.suffix == ".parquet":
            text = pd.read_parquet(path).to_csv()
        elif path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
        else:
            continue
        assert HETU not in text, path


def test_withheld_records_and_their_items_are_absent_from_every_dump(tmp_path):
    organ = make_id("testby", RecordType.ORGANIZATION, "hall")
    meetings = [make_id("testby", RecordType.MEETING, name) for name in ("kept", "down")]
    page = {
        "organizations": [{"id": organ, "origin_id": "hall", "name": "Valtuusto"}],
        "meetings": [
            {"id": meeting, "origin_id": meeting.rsplit(":", 1)[1], "organization": organ}
            for meeting in meetings
        ],
        "actions": [
            {
                "id": make_id("testby", RecordType.ACTION, f"{n}"),
                "origin_id": f"{n}",
                "meeting": meeting,
                "title": f"Asia {n}",
            }
            for n, meeting in enumerate(meetings)
        ],
    }
    with Store(tmp_path / "avoin.sqlite") as store:
        store.merge_page(
            page,
            {
                "source_url": "https://t/",
                "fetched_at": GENERATED_AT,
                "raw_sha256": "a" * 64,
                "parser_version": "1",
            },
        )
        policy = PublishingPolicy(takedowns=frozenset({meetings[1]}), today=date(2026, 11, 23))
        report = export_dumps(store, tmp_path / "out", policy=policy)
    assert report.withheld == 2  # the meeting and its item
    for path in (tmp_path / "out" / "data").rglob("*"):
        if path.is_file() and path.suffix != ".parquet":
            content = path.read_bytes()
            assert b"testby:meeting:down" not in content, path
            assert b"testby:action:1" not in content, path
    assert "testby:action:0" in (tmp_path / "out/data/actions.csv").read_text(encoding="utf-8")


def test_excel_variant_defuses_formulas(tmp_path):
    action = make_id("testby", RecordType.ACTION, "1")
    with Store(tmp_path / "avoin.sqlite") as store:
        store.merge_page(
            {
                "actions": [
                    {"id": action, "origin_id": "1", "title": '=HYPERLINK("http://evil","x")'}
                ]
            },
            {
                "source_url": "https://t/",
                "fetched_at": GENERATED_AT,
                "raw_sha256": "a" * 64,
                "parser_version": "1",
            },
        )
        export_dumps(store, tmp_path / "out", policy=POLICY)
    excel = pd.read_csv(
        tmp_path / "out/data/actions.excel.csv",
        sep=";",
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    plain = read_csv(tmp_path / "out/data/actions.csv")
    assert excel["title"][0] == "'" + plain["title"][0]
    assert plain["title"][0] == '=HYPERLINK("http://evil","x")'  # the data itself is intact


def test_a_value_that_breaks_its_column_type_names_the_record(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as store:
        store.merge_page(
            {
                "actions": [
                    {
                        "id": "testby:action:9",
                        "origin_id": "9",
                        "title": "Asia",
                        "date": "ensi viikolla",
                    }
                ]
            },
            {
                "source_url": "https://t/",
                "fetched_at": GENERATED_AT,
                "raw_sha256": "a" * 64,
                "parser_version": "1",
            },
        )
        with pytest.raises(ExportError, match="testby:action:9: date='ensi viikolla'"):
            export_dumps(store, tmp_path / "out", policy=POLICY)
    assert not (tmp_path / "out" / "data").exists()  # nothing half-written swapped in


# -- CSV lines -----------------------------------------------------------------------------

# Excel runs a cell starting with one of these as a formula: the Excel variant prefixes "'".
EXCEL_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Weighted towards what CSV must quote or Excel must defuse.
CELL_PIECES = [
    "a",
    "Kaava",
    "ä",
    "Å",
    "€",
    "😀",
    " ",
    ",",
    ";",
    '"',
    "'",
    "\n",
    "\r",
    "\r\n",
    "=",
    "+",
    "-",
    "@",
    "\t",
    "|",
    "1",
]


def random_value(rng: random.Random):
    kind = rng.random()
    if kind < 0.1:
        return None
    if kind < 0.2:
        return rng.randint(-(10**12), 10**12)
    if kind < 0.25:
        return rng.uniform(-1e6, 1e6)
    return "".join(rng.choice(CELL_PIECES) for _ in range(rng.randint(0, 6)))


def random_rows(count: int) -> list[list]:
    # Two cells at least, as in every table: csv writes a lone empty cell as '""'.
    rng = random.Random(20261123)
    return [[random_value(rng) for _ in range(rng.randint(2, 8))] for _ in range(count)]


def csv_module_line(cells: list, delimiter: str, line_end: str) -> str:
    buffer = io.StringIO()
    csv.writer(
        buffer, delimiter=delimiter, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL
    ).writerow(cells)
    return buffer.getvalue()


def test_csv_and_excel_lines_agree_with_the_csv_module():
    rows = random_rows(2000)
    starts = {str(value)[:1] for row in rows for value in row if value is not None}
    assert starts >= set(EXCEL_FORMULA_STARTS), "the sample should start cells with each"
    for row in rows:
        cells = [_csv_cell(value) for value in row]
        assert CSV.line(cells) == csv_module_line(row, ",", "\n"), row
        defused = ["'" + cell if cell.startswith(EXCEL_FORMULA_STARTS) else cell for cell in cells]
        assert EXCEL.line(map(_excel_cell, cells)) == csv_module_line(defused, ";", "\r\n"), row


# -- incremental export ----------------------------------------------------------------------


@pytest.fixture
def warm(demo, tmp_path):
    """A copy of the demo store, exported once with POLICY: its partition cache is warm."""
    path = tmp_path / "avoin.sqlite"
    with (
        contextlib.closing(sqlite3.connect(demo["store"].path)) as source,
        contextlib.closing(sqlite3.connect(path)) as copy,
    ):
        source.backup(copy)
    store = Store(path)
    cache = tmp_path / "cache"
    baseline = export_dumps(
        store, tmp_path / "baseline", policy=POLICY, generated_at=GENERATED_AT, cache_dir=cache
    )
    yield SimpleNamespace(store=store, cache=cache, baseline=baseline, tmp=tmp_path)
    store.close()


def export_again(
    warm, name: str, policy: PublishingPolicy = POLICY, cache: Path | None = None
) -> ExportReport:
    return export_dumps(
        warm.store,
        warm.tmp / name,
        policy=policy,
        generated_at=GENERATED_AT,
        cache_dir=cache or warm.cache,
    )


def data_files(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def assert_same_files(directory: Path, expected: Path) -> None:
    files, expected_files = data_files(directory), data_files(expected)
    assert sorted(files) == sorted(expected_files)
    differing = [name for name, content in expected_files.items() if files[name] != content]
    assert not differing, f"differ from the full export: {differing}"


def assert_incremental_equals_full(warm, policy: PublishingPolicy = POLICY) -> ExportReport:
    """Export with the warm cache and from nothing; every file, avoin.sqlite too, must be
    byte for byte the same. Returns the incremental run's report."""
    incremental = export_again(warm, "incremental", policy)
    full = export_again(warm, "full", policy, cache=warm.tmp / "empty-cache")
    assert full.partitions_reused == full.files_reused == 0
    assert_same_files(incremental.directory, full.directory)
    return incremental


def partitions_derived(report: ExportReport) -> int:
    return report.derived_parts_reused + report.derived_parts_rebuilt


def partitions(report: ExportReport) -> int:
    return report.partitions_reused + report.partitions_rebuilt


def some_action(store: Store, town: str) -> dict:
    return store.actions(municipality=town)[0]


def csv_rows(report: ExportReport, path: str) -> pd.DataFrame:
    return read_csv(report.directory / path).set_index("id")


def test_incremental_export_after_an_action_changed(warm):
    action = some_action(warm.store, "vaasa")
    warm.store.merge_page({"actions": [{"id": action["id"], "title": "Uusi otsikko"}]}, PROVENANCE)
    report = assert_incremental_equals_full(warm)
    assert csv_rows(report, "vaasa/actions.csv").loc[action["id"], "title"] == "Uusi otsikko"
    assert report.partitions_rebuilt == 1  # the action's year in its town


def test_a_changed_action_derives_again_only_its_years_items_and_its_towns_matters(warm):
    item = next(
        item
        for item in warm.store.derived_records(DerivedType.ITEM)
        if item["municipality"] == "hameenlinna"
    )
    action_id = item["decision_document"]
    warm.store.merge_page({"actions": [{"id": action_id, "title": "Uusi otsikko"}]}, PROVENANCE)
    report = assert_incremental_equals_full(warm)
    # The items of its year, and the matters of one year when its item's matter changed.
    assert report.derived_parts_rebuilt in (1, 2)
    assert report.derived_parts_reused + report.derived_parts_rebuilt == partitions_derived(
        warm.baseline
    )
    items = read_csv(report.directory / "hameenlinna/items.csv").set_index("decision_document")
    assert items.loc[action_id, "title"] == "Uusi otsikko"


def test_a_town_whose_years_do_not_assemble_is_derived_whole_to_the_same_files(warm, monkeypatch):
    monkeypatch.setattr(export_module, "_assemble_in_order", lambda parts: False)
    report = assert_incremental_equals_full(warm)
    assert report.derived_parts_rebuilt > 0  # one part of items per town now
    # The same rows; only how they are laid out differs (Parquet row groups, the copy's
    # row order, hence the sizes in index.json).
    files, by_year = data_files(report.directory), data_files(warm.baseline.directory)
    assert sorted(files) == sorted(by_year)
    for name, content in by_year.items():
        if name.endswith(".parquet"):
            path = report.directory / name
            assert pq.read_table(path).equals(pq.read_table(warm.baseline.directory / name))
        elif name not in ("avoin.sqlite", "index.json"):
            assert files[name] == content, name
    for table in ("items", "matters"):
        rows = [
            sqlite_rows(directory / "avoin.sqlite", table)
            for directory in (report.directory, warm.baseline.directory)
        ]
        assert rows[0] == rows[1] and rows[0]


def sqlite_rows(path: Path, table: str) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(path)) as copy:
        return copy.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def _derived_part(ids_before, ids, keys):
    meta = {"ids_before": ids_before, "items": [[item_id] for item_id in ids], "keys": keys}
    return SimpleNamespace(meta=meta)


def test_years_assemble_when_ids_stay_apart_and_rows_run_newest_first():
    newer = _derived_part(["a", "b"], ["a", "b"], [["2026-01-02", "b"], ["2026-01-01", "a"]])
    older = _derived_part(["c"], ["c"], [["2025-12-31", "c"], ["2025-12-31", "c"]])
    assert export_module._assemble_in_order([newer, _derived_part([], [], []), older])
    assert not export_module._assemble_in_order([older, newer])  # not newest first
    twice_before = _derived_part(["a"], ["xc"], [["2025-12-31", "xc"], ["2025-12-31", "xc"]])
    assert not export_module._assemble_in_order([newer, twice_before])  # one id before unique_ids
    twice_after = _derived_part(["c"], ["b"], [["2025-12-31", "b"], ["2025-12-31", "b"]])
    assert not export_module._assemble_in_order([newer, twice_after])
    undated = _derived_part(["d"], ["d"], [["", "d"], ["", "d"]])
    empty_date = _derived_part(["e"], ["e"], [["", "e"], ["", "e"]])
    assert not export_module._assemble_in_order([undated, empty_date])  # "" sorts by id


def test_incremental_export_after_an_action_withdrawn(warm):
    action = some_action(warm.store, "vaasa")
    warm.store.mark_withdrawn([action["id"]], GENERATED_AT)
    report = assert_incremental_equals_full(warm)
    row = csv_rows(report, "actions.csv").loc[action["id"]]
    assert (row["withdrawn_at"], row["title"]) == (GENERATED_AT, "")
    assert report.partitions_rebuilt == 1


def test_incremental_export_after_a_takedown(warm):
    action = some_action(warm.store, "hameenlinna")
    policy = replace(POLICY, takedowns=frozenset({action["id"]}))
    report = assert_incremental_equals_full(warm, policy)
    assert action["id"] not in csv_rows(report, "actions.csv").index
    assert (warm.baseline.withheld, report.withheld) == (0, 1)
    assert report.partitions_rebuilt == 1


def action_partition(action: dict) -> tuple[str, str]:
    return action["municipality"], action["date"][:4]


def test_incremental_export_when_today_passes_the_retention_period(warm):
    actions = warm.store.actions(include_withdrawn=True)
    newest = max(date.fromisoformat(action["date"]) for action in actions)
    policy = replace(POLICY, today=newest + timedelta(days=200))
    report = assert_incremental_equals_full(warm, policy)
    # Texts about private persons are withheld once their actions are past retention.
    assert report.redactions["private_text"] > warm.baseline.redactions["private_text"]
    # Rebuilt: the action partitions holding an action that crossed the line, no others.
    crossed = {
        action_partition(action)
        for action in actions
        if not POLICY.is_past_retention(date.fromisoformat(action["date"]))
    }
    every = {action_partition(action) for action in actions}
    assert 0 < report.partitions_rebuilt == len(crossed) < len(every)


def test_incremental_export_after_a_new_municipality(warm):
    organ = make_id("testby", RecordType.ORGANIZATION, "hall")
    meeting = make_id("testby", RecordType.MEETING, "1")
    action = make_id("testby", RecordType.ACTION, "1")
    warm.store.upsert_municipality({"id": "testby", "name": {"fi": "Testby"}, "languages": ["fi"]})
    warm.store.merge_page(
        {
            "organizations": [{"id": organ, "origin_id": "hall", "name": "Valtuusto"}],
            "meetings": [{"id": meeting, "origin_id": "1", "organization": organ}],
            "actions": [{"id": action, "origin_id": "1", "meeting": meeting, "title": "Asia"}],
        },
        PROVENANCE,
    )
    report = assert_incremental_equals_full(warm)
    assert "testby" in csv_rows(report, "municipalities.csv").index
    assert list(csv_rows(report, "testby/actions.csv").index) == [action]
    assert report.partitions_rebuilt == 4  # the town, its organizations, meetings, actions
    assert report.partitions_reused == partitions(warm.baseline)


def assembled_files(report: ExportReport) -> list:
    return [entry for entry in report.files if entry.table not in (None, "changes")]


def test_an_unchanged_store_reuses_every_partition_and_file(warm):
    report = export_again(warm, "again")
    assert report.partitions_rebuilt == 0
    assert report.partitions_reused == partitions(warm.baseline) > 0
    assert report.derived_parts_rebuilt == 0
    assert report.derived_parts_reused == warm.baseline.derived_parts_rebuilt > 0
    assert report.files_reused == len(assembled_files(report)) > 0
    assert str(report).endswith(f"partitions: {report.partitions_reused} reused, 0 rebuilt")
    assert_same_files(report.directory, warm.baseline.directory)


def cached_part_of(cache: Path, record_id: str) -> Path:
    """The cache directory of the partition that holds ``record_id``."""
    for part in sorted((cache / "parts").iterdir()):
        lines = (part / "main.jsonl").read_text(encoding="utf-8").splitlines()
        if any(json.loads(line)["id"] == record_id for line in lines):
            return part
    raise AssertionError(f"no cached partition holds {record_id}")


def overwrite_in_place(path: Path) -> None:
    """Other bytes of the same length into the same inode, written a second later (a
    coarse file clock could give a write right after the export the same time)."""
    status = path.stat()
    path.write_bytes(b"#" * status.st_size)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))


def damage_a_part(warm, name: str) -> None:
    """Damage one Vaasa partition's ``name`` and change a Hämeenlinna action, so the
    whole archive's files are assembled again from every partition."""
    part = cached_part_of(warm.cache, some_action(warm.store, "vaasa")["id"]) / name
    if name.endswith(".arrow"):
        part.unlink()
    else:
        overwrite_in_place(part)
    other = some_action(warm.store, "hameenlinna")
    warm.store.merge_page({"actions": [{"id": other["id"], "title": "Uusi otsikko"}]}, PROVENANCE)


@pytest.mark.parametrize("name", ["main.csv", "main.arrow"])
def test_a_damaged_cached_partition_is_rebuilt(warm, name):
    damage_a_part(warm, name)
    report = assert_incremental_equals_full(warm)
    assert report.partitions_rebuilt == 2  # the damaged one and the changed one


def test_an_assembled_file_overwritten_in_place_is_rebuilt(warm):
    published = warm.baseline.directory / "actions.csv"
    cached = [
        path
        for path in (warm.cache / "files").iterdir()
        if path.stat().st_ino == published.stat().st_ino
    ]
    assert len(cached) == 1, "the published file should be a hard link into the cache"
    overwrite_in_place(cached[0])
    report = assert_incremental_equals_full(warm)
    assert report.partitions_rebuilt == 0
    assert report.files_reused == len(assembled_files(report)) - 1


def test_a_missing_cache_directory_means_a_full_rebuild(warm):
    shutil.rmtree(warm.cache)
    report = export_again(warm, "rebuilt")
    assert report.partitions_reused == report.files_reused == 0
    assert report.partitions_rebuilt == partitions(warm.baseline) > 0
    assert_same_files(report.directory, warm.baseline.directory)


# -- the build, and the schema documentation ---------------------------------------------


def test_avoin_build_writes_the_dumps_too(demo):
    # Not the demo's exit status: that also reports on harvesting every sample site.
    index_path = demo["site"] / "data" / "index.json"
    assert index_path.exists(), demo["run"].stdout[-2000:] + demo["run"].stderr[-2000:]
    index = json.loads(index_path.read_text(encoding="utf-8"))
    assert any(entry["path"] == "actions.csv" for entry in index)


def test_docs_schema_md_is_current():
    current = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert current == render_markdown(), "run: python -m transform.schema_docs"


def test_every_schema_field_of_an_action_has_a_column():
    columns = set(table_doc("actions").field_names)
    nested_elsewhere = {"attachments"}  # rows of attachments.csv
    assert set(ACTION_FIELDS) - nested_elsewhere <= columns


def test_every_documented_field_has_meaning_in_both_languages_and_an_example():
    for table in schema_docs.schema_tables():
        for field in table.fields:
            assert field.en and field.fi, (table.name, field.name)
            assert field.example or field.name == "withdrawn_at", (table.name, field.name)
    assert table_doc("actions").field("register_id").term == "diaarinumero / diarienummer"


def test_action_row_columns_follow_the_documentation():
    action = {
        "id": "t:action:1",
        "title": "Asia",
        "preparers": ["A", "B"],
        "contents": [
            {"type": ContentType.DECISION, "label": "Päätös", "text": "Ok.", "html": "<p>Ok.</p>"}
        ],
    }
    row = action_row(action)
    assert set(row) == set(table_doc("actions").field_names)
    assert row["preparers"] == "A | B"
    assert row["contents"] == [{"type": "decision", "label": "Päätös", "text": "Ok."}]


# -- items and matters (issue 14) --------------------------------------------------------------


def test_items_csv_is_plain_columns_for_a_spreadsheet(demo):
    data = demo["data"]
    items = read_csv(data / "items.csv").set_index("id")
    assert len(items) == len(demo["store"].derived_records(DerivedType.ITEM))
    for column in items.columns:  # no JSON inside any cell
        assert not items[column].str.startswith(("[", "{")).any(), column
    budget = items.loc["hameenlinna:item:21038-20250609-43"]
    assert (budget["municipality_name"], budget["organization_name"]) == (
        "Hämeenlinna",
        "Kaupunginvaltuusto",
    )
    assert (budget["outcome"], budget["votes_yes"], budget["votes_no"]) == ("amended", "23", "28")
    assert budget["decision"].startswith("Kaupunginvaltuusto hyväksyi talousarviomuutokset")
    assert budget["matter_id"] == "hameenlinna:matter:hml-1010-02.02.00-2025"
    assert budget["page_url"] == "/fi/hameenlinna/item/21038-20250609-43/"
    matters = read_csv(data / "matters.csv").set_index("id")
    assert budget["matter_id"] in matters.index
    actions = read_csv(data / "actions.csv").set_index("id")
    assert actions.loc["hameenlinna:action:3143354", "matter_id"] == budget["matter_id"]
    assert HETU not in (data / "items.csv").read_text(encoding="utf-8")
    assert read_csv(data / "hameenlinna" / "items.csv")["municipality"].eq("hameenlinna").all()
