"""Derived fields as the store merges records: an action's outcome follows its contents."""

from __future__ import annotations

import pytest

from transform.derive import derive_fields
from transform.schema import ACTION_FIELDS, ContentType, Outcome, RecordType, make_id
from transform.store import Store

TOWN = "testby"
ACTION = make_id(TOWN, RecordType.ACTION, "a1")


def provenance(fetched_at="2024-05-01T10:00:00+00:00"):
    return {
        "source_url": "https://t.example/p",
        "fetched_at": fetched_at,
        "raw_sha256": "a" * 64,
        "parser_version": "1",
    }


def content(content_type: ContentType, text: str) -> dict:
    return {"type": content_type, "label": str(content_type), "text": text}


def merge(store: Store, fetched_at="2024-05-01T10:00:00+00:00", **fields) -> dict:
    store.merge_page(
        {"actions": [{"id": ACTION, "origin_id": "a1", **fields}]}, provenance(fetched_at)
    )
    return store.action(ACTION)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as opened:
        yield opened


def test_decision_text_gives_the_outcome(store):
    stored = merge(
        store,
        contents=[
            content(ContentType.PROPOSAL, "Kaupunginhallitus hyväksyy esityksen."),
            content(ContentType.DECISION, "Asia jätettiin pöydälle."),
        ],
    )
    assert stored["outcome"] == Outcome.TABLED


def test_outcome_is_read_again_when_the_contents_change(store):
    merge(store, contents=[content(ContentType.DECISION, "Hyväksyttiin esitys.")])
    stored = merge(
        store,
        fetched_at="2024-05-02T10:00:00+00:00",
        contents=[content(ContentType.DECISION, "Ärendet återremitterades.")],
    )
    assert stored["outcome"] == Outcome.RETURNED
    earlier, _ = store.action_versions(ACTION)
    assert earlier["outcome"] == Outcome.APPROVED_AS_PROPOSED


def test_decision_text_no_rule_reads_is_unknown(store):
    stored = merge(
        store,
        contents=[
            content(ContentType.DECISION, "Todettiin kokous lailliseksi ja päätösvaltaiseksi."),
        ],
    )
    assert stored["outcome"] == Outcome.UNKNOWN


@pytest.mark.parametrize(
    "contents",
    [
        [content(ContentType.PRESENTATION, "Esityslistan kansilehti")],  # a cover page
        [content(ContentType.APPEAL, "Muutoksenhakuohje")],  # appeal instructions
        [content(ContentType.PROPOSAL, "Hyväksytään esitys.")],  # an agenda item
    ],
)
def test_contents_without_decision_text_have_no_outcome(store, contents):
    assert "outcome" not in merge(store, contents=contents)


def test_a_parser_given_outcome_gives_way_to_decision_text(store):
    stored = merge(
        store,
        outcome=Outcome.NOTED,
        contents=[content(ContentType.DECISION, "Förslaget godkändes.")],
    )
    assert stored["outcome"] == Outcome.APPROVED_AS_PROPOSED


def test_action_without_contents_keeps_what_the_parser_said(store):
    assert "outcome" not in merge(store, title="Kaava")
    assert merge(store, outcome=Outcome.TABLED)["outcome"] == Outcome.TABLED


def test_merging_the_same_page_again_changes_nothing(store):
    fields = {"contents": [content(ContentType.DECISION, "Merkittiin tiedoksi.")]}
    store.merge_page({"actions": [{"id": ACTION, "origin_id": "a1", **fields}]}, provenance())
    again = store.merge_page(
        {"actions": [{"id": ACTION, "origin_id": "a1", **fields}]}, provenance()
    )
    assert (again.updated, again.unchanged) == (0, 1)


def test_derived_record_keeps_schema_order_and_leaves_its_input_alone():
    action = {
        "id": ACTION,
        "title": "x",
        "date": "2024-05-01",
        "contents": [content(ContentType.DECISION, "Hyväksyttiin.")],
    }
    derived = derive_fields(RecordType.ACTION, action)
    assert "outcome" not in action
    assert list(derived) == [key for key in ACTION_FIELDS if key in derived]
    meeting = {"id": "testby:meeting:1", "number": "1/2024"}
    assert derive_fields(RecordType.MEETING, meeting) is meeting


def test_procedural_items_are_marked_procedural(store):
    stored = merge(
        store,
        title="Pöytäkirjan tarkastajien valinta",
        contents=[
            content(ContentType.DECISION, "Pöytäkirjan tarkastajiksi valittiin A ja B."),
        ],
    )
    assert stored["outcome"] == Outcome.PROCEDURAL


def test_an_officeholder_decision_is_decided(store):
    stored = merge(
        store,
        title="Avustuksen myöntäminen",
        decision_maker="Kaupunginjohtaja",
        contents=[content(ContentType.DECISION, "Myönnän 500 euroa avustusta.")],
    )
    assert stored["outcome"] == Outcome.DECIDED
