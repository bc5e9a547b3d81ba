"""Raw snapshots and the transform stage, with a stand-in parser.

The stand-in parser reads the canned parser result straight from the snapshot
bytes (JSON), so these tests exercise the store and the run, not a platform.
"""

from __future__ import annotations

import errno
import json
import os

import pytest

from harvest import platforms
from harvest.platforms import ParseError
from harvest.sources import load_sources
from transform.raw import (
    SnapshotCorrupt,
    SnapshotError,
    SnapshotMissing,
    load_snapshot,
    save_snapshot,
    snapshot_path,
)
from transform.run import sync_municipalities, transform_pending
from transform.schema import ContentType, Outcome, PageKind, RecordType, make_id
from transform.store import RunStatus, Store

TOWN = "testby"
ORGAN = make_id(TOWN, RecordType.ORGANIZATION, "hall")
MEETING = make_id(TOWN, RecordType.MEETING, "m1")


def a_id(origin_id):
    return make_id(TOWN, RecordType.ACTION, origin_id)


def fake_parse_page(platform, page_kind, body, url, municipality=None, context=None):
    if body.startswith(b"BROKEN"):
        raise ParseError(f"{url}: not a {page_kind} page")
    return json.loads(body)


@pytest.fixture(autouse=True)
def stand_in_parser(monkeypatch):
    monkeypatch.setattr(platforms, "parse_page", fake_parse_page)


@pytest.fixture
def raw_dir(tmp_path):
    return tmp_path / "raw"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as opened:
        yield opened


def harvested(store, raw_dir, page_kind, url, page, fetched_at="2024-05-01T10:00:00+00:00"):
    """Save a page as the spider pipeline would: snapshot + harvest-log row."""
    body = page if isinstance(page, bytes) else json.dumps({"page": page_kind, **page}).encode()
    sha256 = save_snapshot(raw_dir, body)
    store.log_request(
        municipality=TOWN,
        platform="ktweb",
        page_kind=page_kind,
        url=url,
        status=200,
        sha256=sha256,
        fetched_at=fetched_at,
        bytes=len(body),
    )
    return sha256


ORGANIZATIONS_PAGE = {"organizations": [{"id": ORGAN, "origin_id": "hall", "name": "Valtuusto"}]}
MEETINGS_PAGE = {
    "meetings": [
        {
            "id": MEETING,
            "origin_id": "m1",
            "organization": ORGAN,
            "start": "2024-05-13T18:00:00+03:00",
            "number": "3/2024",
        }
    ]
}
MEETING_PAGE = {
    "meetings": [{"id": MEETING, "origin_id": "m1", "document_kind": "minutes", "language": "fi"}],
    "actions": [
        {"id": a_id("1"), "origin_id": "1", "meeting": MEETING, "ordering": 1, "title": "Kaava"},
        {"id": a_id("2"), "origin_id": "2", "meeting": MEETING, "ordering": 2, "title": "Tie"},
    ],
}


def action_page(title="Kaava", decision="Hyväksyttiin."):
    # No outcome: the store reads it from the decision text (transform/derive.py).
    contents = [{"type": ContentType.DECISION, "label": "Päätös", "text": decision}]
    return {"actions": [{"id": a_id("1"), "origin_id": "1", "title": title, "contents": contents}]}


def harvest_town(store, raw_dir):
    harvested(store, raw_dir, PageKind.ACTION, "https://t/1.pdf", action_page())
    harvested(store, raw_dir, PageKind.MEETING, "https://t/m1", MEETING_PAGE)
    harvested(store, raw_dir, PageKind.MEETINGS, "https://t/list", MEETINGS_PAGE)
    harvested(store, raw_dir, PageKind.ORGANIZATIONS, "https://t/", ORGANIZATIONS_PAGE)


# -- raw snapshots ---------------------------------------------------------------


def test_snapshot_is_saved_once_under_its_hash(raw_dir, monkeypatch):
    sha256 = save_snapshot(raw_dir, b"<html>kokous</html>")
    assert snapshot_path(raw_dir, sha256).parent.name == sha256[:2]
    assert load_snapshot(raw_dir, sha256) == b"<html>kokous</html>"

    def no_second_write(*args):
        raise AssertionError("an unchanged page must not be written again")

    monkeypatch.setattr(os, "replace", no_second_write)
    assert save_snapshot(raw_dir, b"<html>kokous</html>") == sha256
    assert len(list(raw_dir.rglob("*"))) == 2  # one shard directory, one file


def test_missing_or_corrupt_snapshot_is_a_clear_error(raw_dir):
    sha256 = save_snapshot(raw_dir, b"original")
    with pytest.raises(SnapshotMissing, match="missing"):
        load_snapshot(raw_dir, "0" * 64)
    snapshot_path(raw_dir, sha256).write_bytes(b"tampered")
    with pytest.raises(SnapshotCorrupt, match="corrupt"):
        load_snapshot(raw_dir, sha256)


def test_disk_full_leaves_no_partial_snapshot(raw_dir, monkeypatch):
    real_write = os.write

    def write_half_then_disk_full(fd, data):
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", write_half_then_disk_full)
    with pytest.raises(SnapshotError, match="disk full"):
        save_snapshot(raw_dir, b"x" * 10_000)
    assert [path for path in raw_dir.rglob("*") if path.is_file()] == []


# -- transform -------------------------------------------------------------------


def test_transform_merges_pages_parents_first(store, raw_dir):
    harvest_town(store, raw_dir)
    report = transform_pending(store, raw_dir)
    assert str(report) == "4 documents parsed, 0 errors; 4 inserted, 0 updated, 0 unchanged"
    kaava = store.action(a_id("1"))
    assert (kaava["organization"], kaava["date"], kaava["language"]) == (
        ORGAN,
        "2024-05-13",
        "fi",
    )
    assert kaava["outcome"] == Outcome.APPROVED_AS_PROPOSED
    assert kaava["source_url"] == "https://t/1.pdf"
    assert len(store.action_versions(a_id("1"))) == 1  # list title + item text: one version
    run = store.run(report.run_id)
    assert (run["status"], run["report"]["inserted"]) == (RunStatus.OK, 4)


def test_second_transform_changes_nothing_and_says_so(store, raw_dir):
    harvest_town(store, raw_dir)
    transform_pending(store, raw_dir)
    before = (store.counts(), store.actions(), store.meetings(), store.organizations())

    again = transform_pending(store, raw_dir)
    assert str(again.counts) == "0 inserted, 0 updated, 4 unchanged"
    assert again.documents == 0
    reread = transform_pending(store, raw_dir, reparse_all=True)
    assert str(reread.counts) == "0 inserted, 0 updated, 4 unchanged"
    assert reread.documents == 4

    after = (store.counts(), store.actions(), store.meetings(), store.organizations())
    assert {**after[0], "runs": 0, "parse_log": 0} == {**before[0], "runs": 0, "parse_log": 0}
    assert after[1:] == before[1:]


def test_changed_page_updates_one_action_and_keeps_its_version(store, raw_dir):
    harvest_town(store, raw_dir)
    transform_pending(store, raw_dir)
    harvested(
        store,
        raw_dir,
        PageKind.ACTION,
        "https://t/1.pdf",
        action_page(decision="Asia jätettiin pöydälle."),
        fetched_at="2024-05-20T10:00:00+00:00",
    )
    report = transform_pending(store, raw_dir)
    assert str(report.counts) == "0 inserted, 1 updated, 3 unchanged"
    earlier, current = store.action_versions(a_id("1"))
    assert earlier["outcome"] == Outcome.APPROVED_AS_PROPOSED
    assert current == {
        **store.action(a_id("1")),
        "version": 2,
        "valid_from": "2024-05-20T10:00:00+00:00",
        "valid_to": None,
    }
    assert current["outcome"] == Outcome.TABLED


def test_unparseable_document_is_counted_and_the_run_goes_on(store, raw_dir):
    harvest_town(store, raw_dir)
    broken = harvested(store, raw_dir, PageKind.ACTION, "https://t/2.pdf", b"BROKEN pdf")
    report = transform_pending(store, raw_dir)
    assert report.documents == 4
    assert report.errors == [
        {"url": "https://t/2.pdf", "sha256": broken, "error": "https://t/2.pdf: not a action page"}
    ]
    assert report.counts.inserted == 4
    assert report.summary().splitlines() == [
        "4 documents parsed, 1 error; 4 inserted, 0 updated, 0 unchanged",
        "  error: https://t/2.pdf: https://t/2.pdf: not a action page",
    ]
    assert store.run(report.run_id)["status"] == RunStatus.PARTIAL
    assert [entry["url"] for entry in store.parse_errors()] == ["https://t/2.pdf"]
    assert transform_pending(store, raw_dir).errors == []  # not retried by the same parser


def test_records_breaking_the_schema_fail_only_their_document(store, raw_dir):
    harvest_town(store, raw_dir)
    transform_pending(store, raw_dir)
    bad = {
        "actions": [
            {"id": a_id("1"), "origin_id": "1", "title": "Uusi"},
            {"id": a_id("9"), "origin_id": "9", "outcome": "maybe"},
        ]
    }
    harvested(store, raw_dir, PageKind.ACTION, "https://t/9.pdf", bad)
    report = transform_pending(store, raw_dir)
    assert len(report.errors) == 1 and "outcome" in report.errors[0]["error"]
    assert store.action(a_id("1"))["title"] == "Kaava"  # nothing of the bad page merged
    assert store.action(a_id("9")) is None


def test_missing_snapshot_is_reported_and_retried_later(store, raw_dir):
    sha256 = harvested(store, raw_dir, PageKind.ORGANIZATIONS, "https://t/", ORGANIZATIONS_PAGE)
    path = snapshot_path(raw_dir, sha256)
    body = path.read_bytes()
    path.unlink()
    report = transform_pending(store, raw_dir)
    assert "missing" in report.errors[0]["error"]
    save_snapshot(raw_dir, body)
    assert str(transform_pending(store, raw_dir).counts) == "1 inserted, 0 updated, 0 unchanged"


def test_a_bug_stops_the_run_naming_the_document_and_keeps_what_was_merged(
    store, raw_dir, monkeypatch
):
    harvest_town(store, raw_dir)

    def parser_with_a_bug(platform, page_kind, body, url, municipality=None, context=None):
        if page_kind == PageKind.MEETING:
            raise KeyError("row")
        return fake_parse_page(platform, page_kind, body, url)

    monkeypatch.setattr(platforms, "parse_page", parser_with_a_bug)
    with pytest.raises(KeyError) as raised:
        transform_pending(store, raw_dir)
    assert any("https://t/m1" in note for note in raised.value.__notes__)
    assert store.counts()["organizations"] == 1 and store.counts()["meetings"] == 1
    assert store.counts()["actions"] == 0
    assert store.run(1)["status"] == RunStatus.FAILED  # the only run in this fresh store


def test_progress_is_reported_per_document(store, raw_dir):
    harvest_town(store, raw_dir)
    seen = []
    transform_pending(store, raw_dir, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_municipalities_come_from_configuration(store):
    sources = load_sources()
    first = sync_municipalities(store, sources)
    assert first.inserted == len(sources.municipalities)
    assert sync_municipalities(store, sources).unchanged == len(sources.municipalities)
    assert [m["id"] for m in store.municipalities()] == sorted(
        source.id for source in sources.municipalities
    )
