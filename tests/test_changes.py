"""The change log: the store logs changes as it merges, the export folds them into one line
per record and run (changes/YYYY-MM-DD.jsonl) and lists the files in changes/index.json."""

from __future__ import annotations

import json

import pytest

from harvest import platforms
from tests.test_transform import fake_parse_page
from transform.changes import fold_changes, helsinki_date, write_change_log
from transform.export import export_dumps
from transform.publishing import PublishingPolicy
from transform.raw import save_snapshot
from transform.run import transform_pending
from transform.schema import ContentType, PageKind, RecordType, make_id
from transform.store import Store

TOWN = "testby"
ORGAN = make_id(TOWN, RecordType.ORGANIZATION, "hall")
MEETING = make_id(TOWN, RecordType.MEETING, "m1")
ACTIONS = [make_id(TOWN, RecordType.ACTION, str(number)) for number in (1, 2, 3)]
POLICY = PublishingPolicy()  # no takedowns


@pytest.fixture(autouse=True)
def stand_in_parser(monkeypatch):
    monkeypatch.setattr(platforms, "parse_page", fake_parse_page)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as opened:
        yield opened


def harvest(store, raw_dir, url, page, fetched_at):
    body = json.dumps(page).encode()
    store.log_request(
        municipality=TOWN,
        platform="ktweb",
        page_kind=PageKind.MEETING,
        url=url,
        status=200,
        sha256=save_snapshot(raw_dir, body),
        fetched_at=fetched_at,
    )


def meeting_page(titles: dict[str, str]) -> dict:
    return {
        "organizations": [{"id": ORGAN, "origin_id": "hall", "name": "Valtuusto"}],
        "meetings": [
            {
                "id": MEETING,
                "origin_id": "m1",
                "organization": ORGAN,
                "start": "2026-05-13T18:00:00+03:00",
                "language": "fi",
            }
        ],
        "actions": [
            {
                "id": action_id,
                "origin_id": action_id.rsplit(":", 1)[1],
                "meeting": MEETING,
                "ordering": ordering,
                "title": title,
                "contents": [
                    {
                        "type": ContentType.PROPOSAL,
                        "label": "Päätösehdotus",
                        "text": f"Ehdotus: {title}.",
                    }
                ],
            }
            for ordering, (action_id, title) in enumerate(titles.items())
        ],
    }


def change_lines(out_dir) -> list[dict]:
    lines = []
    for path in sorted((out_dir / "data" / "changes").glob("*.jsonl")):
        lines += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return lines


def test_second_transform_with_one_changed_action_logs_exactly_that_action(store, tmp_path):
    raw_dir = tmp_path / "raw"
    titles = {action_id: f"Asia {n}" for n, action_id in enumerate(ACTIONS, start=1)}
    harvest(store, raw_dir, "https://t/m1", meeting_page(titles), "2026-05-14T10:00:00+00:00")
    first = transform_pending(store, raw_dir)
    titles[ACTIONS[1]] = "Asia 2 (korjattu)"
    harvest(store, raw_dir, "https://t/m1", meeting_page(titles), "2026-05-15T10:00:00+00:00")
    second = transform_pending(store, raw_dir)
    assert second.counts.updated == 1

    export_dumps(store, tmp_path / "out", policy=POLICY)

    lines = change_lines(tmp_path / "out")
    first_run = [line for line in lines if line["run_id"] == first.run_id]
    assert {line["id"] for line in first_run} == {ORGAN, MEETING, *ACTIONS}
    assert {line["change"] for line in first_run} == {"added"}
    second_run = [line for line in lines if line["run_id"] == second.run_id]
    assert second_run == [
        {
            "date": second_run[0]["date"],
            "run_id": second.run_id,
            "change": "amended",
            "record_type": "action",
            "id": ACTIONS[1],
            "municipality": TOWN,
            "fields": ["contents", "title"],
            "changed_at": second_run[0]["changed_at"],
        }
    ]


def test_change_log_index_lists_each_day_with_its_counts(store, tmp_path):
    store.merge_page(meeting_page({ACTIONS[0]: "Asia"}), provenance())
    store.mark_withdrawn([ACTIONS[0]], "2026-05-20T10:00:00+00:00")
    export_dumps(store, tmp_path / "out", policy=POLICY, generated_at="2026-05-21T00:00:00+00:00")

    directory = tmp_path / "out" / "data" / "changes"
    index = json.loads((directory / "index.json").read_text(encoding="utf-8"))
    [day] = index["files"]
    assert day["path"] == f"{day['date']}.jsonl"
    assert (directory / day["path"]).stat().st_size == day["bytes"]
    # Added and withdrawn outside a run: one "run" of that day, where it was never published.
    assert (day["records"], day["added"], day["withdrawn"]) == (2, 2, 0)


def provenance(fetched_at="2026-05-14T10:00:00+00:00"):
    return {
        "source_url": "https://t/m1",
        "fetched_at": fetched_at,
        "raw_sha256": "a" * 64,
        "parser_version": "1",
    }


def test_store_logs_each_change_under_the_open_run(store):
    run_id = store.start_run("transform")
    store.merge_page(meeting_page({ACTIONS[0]: "Asia"}), provenance())
    store.finish_run(run_id, "ok", {})
    store.merge_page(
        meeting_page({ACTIONS[0]: "Asia, uusi otsikko"}), provenance("2026-05-15T10:00:00+00:00")
    )
    store.mark_withdrawn([ACTIONS[0]], "2026-05-16T10:00:00+00:00")

    rows = sorted(
        (row for row in store.iter_changes() if row["record_id"] == ACTIONS[0]),
        key=lambda row: row["id"],
    )
    assert [(row["run_id"], row["change"]) for row in rows] == [
        (run_id, "added"),
        (None, "amended"),
        (None, "withdrawn"),
    ]
    assert rows[1]["fields"] == ["contents", "title"]
    assert rows[1]["old_hash"] == rows[0]["new_hash"]


def change_row(
    change,
    record_id=ACTIONS[0],
    run_id=7,
    old="h0",
    new="h1",
    fields=(),
    changed_at="2026-05-14T10:00:00+00:00",
    run_started_at="2026-05-14T09:00:00+00:00",
):
    return {
        "run_id": run_id,
        "record_type": "action",
        "record_id": record_id,
        "municipality": TOWN,
        "change": change,
        "fields": list(fields),
        "old_hash": old,
        "new_hash": new,
        "changed_at": changed_at,
        "run_started_at": run_started_at,
    }


def test_a_record_changed_and_changed_back_within_a_run_is_no_change():
    rows = [
        change_row("amended", old="h0", new="h1", fields=["title"]),
        change_row("amended", old="h1", new="h0", fields=["title"]),
    ]
    assert list(fold_changes(rows)) == []


def test_several_changes_in_a_run_fold_into_one_line():
    rows = [
        change_row("amended", old="h0", new="h1", fields=["title"]),
        change_row("amended", old="h1", new="h2", fields=["contents"]),
        change_row("added", record_id=ACTIONS[1], old=None, new="n1"),
        change_row("amended", record_id=ACTIONS[1], old="n1", new="n2", fields=["title"]),
        change_row("added", record_id=ACTIONS[2], old=None, new="x"),
        change_row("withdrawn", record_id=ACTIONS[2], old="x", new="t"),
    ]
    lines = list(fold_changes(rows))
    assert [(line["id"], line["change"], line["fields"]) for line in lines] == [
        (ACTIONS[0], "amended", ["contents", "title"]),
        (ACTIONS[1], "added", []),  # new in this run: its later edits are part of it
    ]  # ACTIONS[2] came and went within the run: never published, not logged


def test_the_same_record_in_two_runs_gets_two_lines():
    rows = [
        change_row("amended", run_id=1, fields=["title"]),
        change_row("withdrawn", run_id=2, old="h1", new="t"),
    ]
    assert [(line["run_id"], line["change"]) for line in fold_changes(rows)] == [
        (1, "amended"),
        (2, "withdrawn"),
    ]


def test_runs_are_dated_in_helsinki_time():
    # 23:30 UTC on 31 December is already New Year's Day in Finland.
    rows = [change_row("added", old=None, run_started_at="2025-12-31T23:30:00+00:00")]
    assert next(fold_changes(rows))["date"] == "2026-01-01"
    assert str(helsinki_date("2026-06-30T21:00:00+00:00")) == "2026-07-01"  # summer: UTC+3


def test_withheld_records_are_left_out_of_the_log(tmp_path):
    lines = fold_changes(
        [change_row("added", old=None), change_row("added", record_id=ACTIONS[1], old=None)]
    )
    files = write_change_log(lines, tmp_path, "2026-05-14T12:00:00+00:00", {ACTIONS[0]})
    written = (tmp_path / files[0].path.name).read_text(encoding="utf-8")
    assert ACTIONS[0] not in written
    assert ACTIONS[1] in written
