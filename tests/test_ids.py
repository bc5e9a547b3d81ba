"""Record ids: one spelling per id, and page folders that never collide (issue 13, 7)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harvest.platforms.page import Page
from site_builder.paths import origin_id_segment, page_path
from transform.schema import RecordType, SchemaError, make_id
from transform.store import Store

PROVENANCE = {
    "source_url": "https://x/1",
    "fetched_at": "2026-11-23T03:00:00+00:00",
    "raw_sha256": "0" * 64,
    "parser_version": "test",
}


def test_nfc_and_nfd_spellings_are_one_id():
    composed, decomposed = "café-1", unicodedata.normalize("NFD", "café-1")
    assert composed != decomposed
    assert make_id("vaasa", RecordType.ACTION, decomposed) == "vaasa:action:café-1"
    assert Page("https://x/", "vaasa", {}).record(RecordType.ACTION, decomposed) == {
        "id": "vaasa:action:café-1",
        "origin_id": "café-1",
        "municipality": "vaasa",
    }


@pytest.mark.parametrize("origin_id", ["12\x003", "12\n3", "\x7f", "a\x85b"])
def test_an_id_with_control_characters_is_refused(origin_id):
    with pytest.raises(SchemaError, match="control characters"):
        make_id("vaasa", RecordType.ACTION, origin_id)


def test_the_store_refuses_an_id_that_is_not_normalised(tmp_path):
    decomposed = unicodedata.normalize("NFD", "vaasa:action:café-1")
    with Store(tmp_path / "avoin.sqlite") as store:
        store.merge_page({"page": "action", "actions": [{"id": "vaasa:action:café-1"}]}, PROVENANCE)
        with pytest.raises(SchemaError):
            store.merge_page({"page": "action", "actions": [{"id": decomposed}]}, PROVENANCE)
        with pytest.raises(SchemaError):
            store.merge_page(
                {"page": "action", "actions": [{"id": "vaasa:action:1\x002"}]}, PROVENANCE
            )
        assert [a["id"] for a in store.actions()] == ["vaasa:action:café-1"]


def test_ids_differing_only_in_case_get_different_folders_on_any_file_system():
    first = page_path("vaasa:action:Caseid-a")
    second = page_path("vaasa:action:caseid-A")
    assert first.casefold() != second.casefold()


@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_distinct_origin_ids_never_share_a_folder_even_case_folded(first, second):
    if first != second:
        assert origin_id_segment(first).casefold() != origin_id_segment(second).casefold()
