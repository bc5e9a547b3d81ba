"""What a source stops listing becomes a tombstone, but only on a complete listing."""

from __future__ import annotations

import pytest

from transform.removal import detect_removals
from transform.schema import PageKind
from transform.store import Store

PROVENANCE = {
    "source_url": "http://x/p",
    "fetched_at": "2026-11-01T00:00:00+00:00",
    "raw_sha256": "0" * 64,
    "parser_version": "1",
}
WHEN = "2026-11-02T00:00:00+00:00"


def meeting_page(*numbers, errors=()):
    meeting = {
        "id": "t:meeting:1-minutes",
        "origin_id": "1-minutes",
        "municipality": "t",
        "organization": "t:org:9",
        "start": "2026-10-01T18:00:00+03:00",
        "document_kind": "minutes",
    }
    actions = [
        {
            "id": f"t:action:{n}",
            "origin_id": str(n),
            "municipality": "t",
            "meeting": meeting["id"],
            "article_number": str(n),
            "title": f"Asia {n}",
            "contents": [{"type": "decision", "label": "Päätös", "text": "Hyväksyttiin."}],
        }
        for n in numbers
    ]
    return {
        "page": PageKind.MEETING,
        "organizations": [],
        "meetings": [meeting],
        "actions": actions,
        "links": [],
        "errors": list(errors),
    }


def meeting_list(*days):
    meetings = [
        {
            "id": f"t:meeting:{d}-minutes",
            "origin_id": f"{d}-minutes",
            "municipality": "t",
            "organization": "t:org:9",
            "document_kind": "minutes",
            "start": f"2026-10-{d:02d}T18:00:00+03:00",
        }
        for d in days
    ]
    return {
        "page": PageKind.MEETINGS,
        "organizations": [],
        "meetings": meetings,
        "actions": [],
        "links": [],
        "errors": [],
    }


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as store:
        store.merge_page(meeting_page(1, 2, 3), PROVENANCE)
        yield store


def test_an_item_no_longer_listed_is_withdrawn_without_its_text(store):
    gone = detect_removals(store, PageKind.MEETING, meeting_page(1, 3), WHEN)
    assert gone == ["t:action:2"]
    (tombstone,) = [a for a in store.actions(include_withdrawn=True) if a["id"] == "t:action:2"]
    assert tombstone["withdrawn_at"] == WHEN
    assert "contents" not in tombstone and "title" not in tombstone
    assert {a["id"] for a in store.actions()} == {"t:action:1", "t:action:3"}


def test_a_partial_listing_removes_nothing(store):
    page = meeting_page(1, errors=["row 2: no document link; row skipped"])
    assert detect_removals(store, PageKind.MEETING, page, WHEN) == []
    assert len(store.actions()) == 3


def test_an_empty_listing_removes_nothing(store):
    assert detect_removals(store, PageKind.MEETING, meeting_page(), WHEN) == []
    assert len(store.actions()) == 3


def test_a_meeting_missing_from_the_middle_of_the_list_is_withdrawn_with_its_items(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as store:
        store.merge_page(meeting_list(1, 8, 15), PROVENANCE)
        gone = detect_removals(store, PageKind.MEETINGS, meeting_list(1, 15), WHEN)
        assert gone == ["t:meeting:8-minutes"]


def test_meetings_past_the_source_window_are_kept(tmp_path):
    """Vaasa keeps minutes online about two years: falling off the end is not removal."""
    with Store(tmp_path / "avoin.sqlite") as store:
        store.merge_page(meeting_list(1, 8, 15), PROVENANCE)
        assert detect_removals(store, PageKind.MEETINGS, meeting_list(8, 15, 22), WHEN) == []
        assert len(store.meetings()) == 3
