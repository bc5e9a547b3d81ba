"""The store against real SQLite files: migrations, merging, versions, logs, reads."""

from __future__ import annotations

import sqlite3

import pytest

from transform.migrations import MIGRATIONS
from transform.schema import (
    ContentType,
    DocumentKind,
    Outcome,
    PageKind,
    RecordType,
    SchemaError,
    make_id,
)
from transform.store import Counts, RunKind, RunStatus, Store, StoreError

TOWN = "testby"
ORGAN = make_id(TOWN, RecordType.ORGANIZATION, "hall")
MEETING = make_id(TOWN, RecordType.MEETING, "m1")
ACTION = make_id(TOWN, RecordType.ACTION, "a1")


def provenance(fetched_at="2024-05-01T10:00:00+00:00", url="https://t.example/p", sha="a" * 64):
    return {"source_url": url, "fetched_at": fetched_at, "raw_sha256": sha, "parser_version": "1"}


def meeting(origin_id="m1", **fields):
    return {"id": make_id(TOWN, RecordType.MEETING, origin_id), "origin_id": origin_id, **fields}


def action(origin_id="a1", **fields):
    return {"id": make_id(TOWN, RecordType.ACTION, origin_id), "origin_id": origin_id, **fields}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as opened:
        yield opened


# -- opening ---------------------------------------------------------------------


def test_migrations_are_applied_once_and_reopening_is_harmless(tmp_path):
    path = tmp_path / "avoin.sqlite"
    with Store(path) as first:
        first.merge_page({"meetings": [meeting(number="1/2024")]}, provenance())
        assert first.migration_numbers() == [number for number, _ in MIGRATIONS]
    with Store(path) as again:
        assert again.migration_numbers() == [number for number, _ in MIGRATIONS]
        assert again.counts()["meetings"] == 1


def test_store_is_in_wal_mode_with_foreign_keys(store):
    assert store.journal_mode() == "wal"
    with pytest.raises(sqlite3.IntegrityError):
        store.log_request(
            municipality=TOWN,
            platform="ktweb",
            page_kind=PageKind.MEETING,
            url="https://x",
            run_id=999,
        )


def test_store_written_by_newer_code_is_refused(tmp_path):
    path = tmp_path / "avoin.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_migrations VALUES (999, 'later')")
    with pytest.raises(StoreError, match="newer"):
        Store(path)


# -- merging ---------------------------------------------------------------------


def test_partial_records_merge_by_id_keeping_old_fields(store):
    first = store.merge_page(
        {"actions": [action(title="Talousarvio", article_number="5")]}, provenance()
    )
    second = store.merge_page(
        {"actions": [action(register_id="VD/1/00.01/2024", article_number="5 §")]},
        provenance(fetched_at="2024-05-02T10:00:00+00:00", url="https://testby.example/pdf"),
    )
    assert (first.inserted, second.updated) == (1, 1)
    record = store.action(ACTION)
    assert record["title"] == "Talousarvio"  # absent from the second page: kept
    assert record["article_number"] == "5 §"  # present in the second page: overrides
    assert record["register_id"] == "VD/1/00.01/2024"
    assert record["municipality"] == TOWN  # from the id
    assert record["source_url"] == "https://testby.example/pdf"  # the page that changed it
    assert record["first_seen"] == "2024-05-01T10:00:00+00:00"


def test_same_content_from_another_fetch_is_unchanged_and_only_seen_later(store):
    store.merge_page({"actions": [action(title="Kaava")]}, provenance())
    counts = store.merge_page(
        {"actions": [action(title="Kaava")]},
        provenance(fetched_at="2024-06-01T10:00:00+00:00", url="https://other", sha="b" * 64),
    )
    assert counts == Counts(unchanged=1)
    record = store.action(ACTION)
    assert record["last_seen"] == "2024-06-01T10:00:00+00:00"
    assert record["fetched_at"] == "2024-05-01T10:00:00+00:00"  # provenance of the last change
    assert record["raw_sha256"] == "a" * 64
    assert len(store.action_versions(ACTION)) == 1  # the current one only


def test_changed_action_keeps_its_previous_version(store):
    def decided(text):
        return [{"type": ContentType.DECISION, "label": "Päätös", "text": text}]

    store.merge_page(
        {"actions": [action(title="Esitys", contents=decided("Keskusteltiin."))]}, provenance()
    )
    counts = store.merge_page(
        {
            "actions": [
                action(title="Esitys (muutettu)", contents=decided("Hyväksyttiin muutettuna."))
            ]
        },
        provenance(fetched_at="2024-05-20T10:00:00+00:00", sha="c" * 64),
    )
    assert counts.updated == 1
    assert store.action(ACTION)["title"] == "Esitys (muutettu)"
    earlier, current = store.action_versions(ACTION)
    assert (earlier["version"], earlier["title"], earlier["outcome"]) == (
        1,
        "Esitys",
        Outcome.UNKNOWN,
    )
    assert earlier["raw_sha256"] == "a" * 64
    assert (earlier["valid_from"], earlier["valid_to"]) == (
        "2024-05-01T10:00:00+00:00",
        "2024-05-20T10:00:00+00:00",
    )
    assert (current["version"], current["title"], current["valid_to"]) == (
        2,
        "Esitys (muutettu)",
        None,
    )
    assert current["raw_sha256"] == "c" * 64


def test_filling_in_what_a_list_page_did_not_say_is_not_a_new_version(store):
    store.merge_page({"actions": [action(title="Kaava", contents=[])]}, provenance())
    contents = [{"type": ContentType.DECISION, "label": "Päätös", "text": "Hyväksyttiin."}]
    counts = store.merge_page({"actions": [action(contents=contents)]}, provenance())
    assert counts.updated == 1
    assert store.action(ACTION)["contents"] == contents
    assert [v["version"] for v in store.action_versions(ACTION)] == [1]


def test_action_takes_organization_date_and_language_from_a_known_meeting(store):
    store.merge_page(
        {
            "meetings": [
                meeting(organization=ORGAN, start="2024-05-13T18:00:00+03:00", language="fi")
            ]
        },
        provenance(),
    )
    store.merge_page({"actions": [action(meeting=MEETING, title="Kaava")]}, provenance())
    record = store.action(ACTION)
    assert (record["organization"], record["date"], record["language"]) == (
        ORGAN,
        "2024-05-13",
        "fi",
    )


def test_meeting_learning_its_organization_later_passes_it_to_its_actions(store):
    store.merge_page({"meetings": [meeting()], "actions": [action(meeting=MEETING)]}, provenance())
    assert store.action(ACTION).get("organization") is None
    counts = store.merge_page(
        {"meetings": [meeting(organization=ORGAN, start="2024-05-13T18:00:00+03:00")]},
        provenance(),
    )
    assert counts.updated == 2  # the meeting and its action
    record = store.action(ACTION)
    assert (record["organization"], record["date"]) == (ORGAN, "2024-05-13")
    assert store.actions(organization=ORGAN)[0]["id"] == ACTION  # key columns follow


def test_own_values_are_not_overridden_by_the_meeting(store):
    store.merge_page(
        {"meetings": [meeting(language="fi")], "actions": [action(meeting=MEETING, language="sv")]},
        provenance(),
    )
    assert store.action(ACTION)["language"] == "sv"


def test_a_record_breaking_the_schema_changes_nothing(store):
    page = {
        "meetings": [meeting(number="1/2024")],
        "actions": [action(outcome="approved-ish")],
    }
    with pytest.raises(SchemaError, match="outcome"):
        store.merge_page(page, provenance())
    assert store.counts()["meetings"] == 0


def test_an_id_of_the_wrong_shape_is_a_schema_error(store):
    with pytest.raises(SchemaError, match="municipality"):
        store.merge_page({"actions": [{"id": "a1", "origin_id": "a1"}]}, provenance())


def test_merge_needs_provenance(store):
    with pytest.raises(StoreError, match="provenance"):
        store.merge_page({"actions": [action()]}, {"source_url": "x"})


def test_exception_inside_a_transaction_leaves_the_previous_state(store):
    store.merge_page({"actions": [action(title="Ennen")]}, provenance())
    with pytest.raises(RuntimeError), store.transaction():
        store.merge_page({"actions": [action(title="Jälkeen"), action("a2")]}, provenance())
        raise RuntimeError("interrupted")
    assert store.action(ACTION)["title"] == "Ennen"
    assert store.counts()["actions"] == 1
    assert store.counts()["action_versions"] == 0


def test_failed_inner_transaction_rolls_back_only_itself(store):
    with store.transaction():
        store.merge_page({"actions": [action(title="Pysyy")]}, provenance())
        with pytest.raises(SchemaError):
            store.merge_page({"actions": [action("a2", outcome="bogus")]}, provenance())
    assert [record["id"] for record in store.actions()] == [ACTION]


def test_municipality_upsert_is_idempotent(store):
    record = {
        "id": TOWN,
        "name": {"fi": "Testby", "sv": "Testby"},
        "code": "999",
        "languages": ["fi"],
        "platform": "ktweb",
        "base_url": "https://testby.example/",
    }
    assert store.upsert_municipality(record).inserted == 1
    assert store.upsert_municipality(record) == Counts(unchanged=1)
    assert store.upsert_municipality({**record, "code": "998"}).updated == 1
    assert store.municipalities()[0]["code"] == "998"


# -- withdrawal ------------------------------------------------------------------


def test_withdrawn_action_keeps_a_tombstone_without_text(store):
    store.merge_page({"actions": [action(meeting=MEETING, title="Henkilöasia")]}, provenance())
    store.merge_page({"actions": [action(title="Henkilöasia, muutettu")]}, provenance())
    assert store.mark_withdrawn([ACTION], "2024-07-01T00:00:00+00:00") == 1
    assert store.mark_withdrawn([ACTION], "2024-08-01T00:00:00+00:00") == 0
    assert store.action(ACTION) is None
    assert store.actions() == []
    tombstone = store.action(ACTION, include_withdrawn=True)
    assert tombstone["withdrawn_at"] == "2024-07-01T00:00:00+00:00"
    assert tombstone["meeting"] == MEETING
    assert "title" not in tombstone
    assert store.action_versions(ACTION) == []
    assert store.counts()["action_versions"] == 0


def test_withdrawing_an_unknown_id_fails_loudly(store):
    with pytest.raises(StoreError, match="no record"):
        store.mark_withdrawn([ACTION], "2024-07-01T00:00:00+00:00")


# -- harvest side ----------------------------------------------------------------


def log(store, page_kind, url, fetched_at, status=200, sha="a" * 64, **fields):
    return store.log_request(
        municipality=TOWN,
        platform="ktweb",
        page_kind=page_kind,
        url=url,
        fetched_at=fetched_at,
        status=status,
        sha256=sha if status == 200 else None,
        **fields,
    )


def test_runs_are_started_and_finished_with_a_report(store):
    run_id = store.start_run(RunKind.HARVEST)
    assert store.run(run_id)["status"] == RunStatus.RUNNING
    store.finish_run(run_id, RunStatus.OK, {"requests": 3})
    run = store.run(run_id)
    assert (run["status"], run["report"]) == (RunStatus.OK, {"requests": 3})
    assert run["finished_at"] is not None


def test_latest_fetch_is_the_last_success_of_that_exact_request(store):
    log(
        store,
        PageKind.MEETINGS,
        "https://t/list",
        "2024-05-01T00:00:00",
        etag='"1"',
        method="POST",
        request_body="organ=1",
        sha="1" * 64,
    )
    log(
        store,
        PageKind.MEETINGS,
        "https://t/list",
        "2024-05-02T00:00:00",
        etag='"2"',
        method="POST",
        request_body="organ=2",
        sha="2" * 64,
    )
    log(
        store,
        PageKind.MEETINGS,
        "https://t/list",
        "2024-05-03T00:00:00",
        status=503,
        method="POST",
        request_body="organ=1",
        error="503 Service Unavailable",
    )
    latest = store.latest_fetch("https://t/list", "POST", "organ=1")
    assert (latest["etag"], latest["sha256"]) == ('"1"', "1" * 64)
    assert store.latest_fetch("https://t/unknown") is None


def test_pending_snapshots_come_parents_first_latest_only_until_parsed(store):
    log(store, PageKind.ACTION, "https://t/action.pdf", "2024-05-01T00:00:01", sha="1" * 64)
    log(store, PageKind.MEETING, "https://t/meeting", "2024-05-01T00:00:02", sha="2" * 64)
    log(store, PageKind.ATTACHMENTS, "https://t/att", "2024-05-01T00:00:03", sha="3" * 64)
    log(store, PageKind.MEETINGS, "https://t/list", "2024-05-01T00:00:04", sha="4" * 64)
    log(
        store,
        PageKind.ORGANIZATIONS,
        "https://t/",
        "2024-05-01T00:00:05",
        sha="5" * 64,
        context={"note": "search form"},
    )
    log(
        store,
        PageKind.MEETINGS,
        "https://t/list",
        "2024-05-02T00:00:00",
        sha="6" * 64,
        context='{"organ": "hall"}',
    )  # the scrapy pipeline hands JSON text; also fine
    log(store, PageKind.MEETINGS, "https://t/list", "2024-05-03T00:00:00", status=500)
    log(store, PageKind.MEETINGS, "https://t/gone", "2024-05-03T00:00:00", status=404)

    pending = store.pending_snapshots("1")
    assert [(row["page_kind"], row["sha256"][0]) for row in pending] == [
        (PageKind.ORGANIZATIONS, "5"),
        (PageKind.MEETINGS, "6"),
        (PageKind.MEETING, "2"),
        (PageKind.ATTACHMENTS, "3"),
        (PageKind.ACTION, "1"),
    ]
    assert pending[0]["context"] == {"note": "search form"}
    assert pending[0]["request_body"] is None
    assert pending[1]["context"] == {"organ": "hall"}

    store.record_parse(pending[0], "1")
    store.record_parse(pending[1], "1", error="no meeting table")
    assert len(store.pending_snapshots("1")) == 3
    assert len(store.pending_snapshots("1", include_parsed=True)) == 5
    assert len(store.pending_snapshots("2")) == 5  # a new parser version re-reads all
    assert [entry["error"] for entry in store.parse_errors()] == ["no meeting table"]


# -- reads -----------------------------------------------------------------------


def test_reads_are_ordered_as_documented_and_filtered(store):
    other_organ = make_id(TOWN, RecordType.ORGANIZATION, "board")
    store.merge_page(
        {
            "organizations": [
                {"id": ORGAN, "origin_id": "hall", "name": "Valtuusto"},
                {"id": other_organ, "origin_id": "board", "name": "Hallitus"},
            ],
            "meetings": [
                meeting(
                    "old",
                    organization=ORGAN,
                    start="2023-01-10T18:00:00+02:00",
                    document_kind=DocumentKind.MINUTES,
                ),
                meeting("new", organization=ORGAN, start="2024-02-10T18:00:00+02:00"),
                meeting("board", organization=other_organ, start="2024-01-10T18:00:00+02:00"),
                meeting("undated", organization=ORGAN),
            ],
            "actions": [
                action("n2", meeting=make_id(TOWN, RecordType.MEETING, "new"), ordering=2),
                action("o1", meeting=make_id(TOWN, RecordType.MEETING, "old"), ordering=1),
                action("n1", meeting=make_id(TOWN, RecordType.MEETING, "new"), ordering=1),
                action("b1", meeting=make_id(TOWN, RecordType.MEETING, "board"), ordering=1),
            ],
        },
        provenance(),
    )
    assert [o["name"] for o in store.organizations()] == ["Hallitus", "Valtuusto"]
    assert [m["origin_id"] for m in store.meetings()] == ["new", "board", "old", "undated"]
    assert [m["origin_id"] for m in store.meetings(organization=ORGAN)] == [
        "new",
        "old",
        "undated",
    ]
    assert [a["origin_id"] for a in store.actions()] == ["n1", "n2", "b1", "o1"]
    assert [a["origin_id"] for a in store.actions(organization=other_organ)] == ["b1"]
    new_meeting = make_id(TOWN, RecordType.MEETING, "new")
    assert [a["origin_id"] for a in store.actions(meeting=new_meeting)] == ["n1", "n2"]
    assert store.meetings(municipality="elsewhere") == []
    first = store.actions()[0]
    assert first["date"] == "2024-02-10"
    assert set(first) >= {
        "raw_sha256",
        "fetched_at",
        "parser_version",
        "first_seen",
        "last_seen",
        "withdrawn_at",
        "source_url",
    }
    assert store.counts()["actions"] == 4


def test_counts_add_up_and_read_well():
    total = Counts(inserted=1) + Counts(updated=2) + Counts(unchanged=12)
    assert total == Counts(1, 2, 12)
    assert str(total) == "1 inserted, 2 updated, 12 unchanged"


def test_the_item_document_does_not_drop_the_links_of_the_attachment_list(store):
    listed = [
        {
            "name": "1 Toteutusohjelma",
            "url": "http://x/ktproxy2.dll?doctype=1&docid=9",
            "public": True,
        }
    ]
    store.merge_page({"page": "attachments", "actions": [action(attachments=listed)]}, provenance())
    decided = [{"type": ContentType.DECISION, "label": "Päätös", "text": "Hyväksyttiin."}]
    store.merge_page(
        {
            "page": "action",
            "actions": [
                action(
                    title="Toteutusohjelma",
                    contents=decided,
                    attachments=[
                        {"name": "1 Toteutusohjelma", "public": True},
                        {"name": "2 Kartta", "public": True},
                    ],
                )
            ],
        },
        provenance(),
    )
    attachments = store.action(ACTION)["attachments"]
    assert attachments[0]["url"] == listed[0]["url"]
    assert [a["name"] for a in attachments] == ["1 Toteutusohjelma", "2 Kartta"]
    assert len(store.action_versions(ACTION)) == 1  # filling in is not a new version


def test_an_item_list_does_not_overwrite_the_documents_title(store):
    decided = [{"type": ContentType.DECISION, "label": "Päätös", "text": "Hyväksyttiin."}]
    store.merge_page(
        {
            "page": "action",
            "actions": [
                action(
                    title=(
                        "Kommentit valtiovarainministeriölle parlamentaarisen työryhmän "
                        "väliraporttiin"
                    ),
                    contents=decided,
                )
            ],
        },
        provenance(),
    )
    store.merge_page(
        {
            "page": "meeting",
            "actions": [action(title="Kommentit valtiovarainministeriölle", article_number="10")],
        },
        provenance(),
    )
    held = store.action(ACTION)
    assert held["title"].endswith("väliraporttiin")
    assert held["article_number"] == "10"
    assert len(store.action_versions(ACTION)) == 1
