"""One document in two languages: two actions linked to each other (transform/languages.py)."""

from __future__ import annotations

import sqlite3

import pytest

from transform.languages import link_language_versions, organ_key
from transform.schema import DocumentKind, RecordType, make_id
from transform.store import Store

TOWN = "kristinestad"


def provenance():
    return {
        "source_url": "https://t.example/p",
        "fetched_at": "2025-12-16T10:00:00+00:00",
        "raw_sha256": "a" * 64,
        "parser_version": "1",
    }


def org_id(origin: str) -> str:
    return make_id(TOWN, RecordType.ORGANIZATION, origin)


def action_id(origin: str) -> str:
    return make_id(TOWN, RecordType.ACTION, origin)


def add_meeting(
    store,
    origin,
    organ,
    organ_name,
    language,
    start="2025-12-15T18:00:00+02:00",
    articles=("61", "62", "63"),
    kind=DocumentKind.MINUTES,
    register_ids=None,
):
    """A meeting of ``organ`` with one action per article, ids ``<origin>-<article>``."""
    meeting = make_id(TOWN, RecordType.MEETING, origin)
    register_ids = register_ids or {}
    store.merge_page(
        {
            "organizations": [{"id": org_id(organ), "origin_id": organ, "name": organ_name}],
            "meetings": [
                {
                    "id": meeting,
                    "origin_id": origin,
                    "organization": org_id(organ),
                    "start": start,
                    "document_kind": kind,
                    "language": language,
                }
            ],
            "actions": [
                {
                    "id": action_id(f"{origin}-{article}"),
                    "origin_id": f"{origin}-{article}",
                    "meeting": meeting,
                    "article_number": article,
                    "title": f"§ {article}",
                    **({"register_id": register_ids[article]} if article in register_ids else {}),
                }
                for article in articles
            ],
        },
        provenance(),
    )


def translations(store, origin: str):
    return store.action(action_id(origin)).get("translations")


def content_hashes(store) -> dict[str, str]:
    with sqlite3.connect(store.path) as db:
        return dict(db.execute("SELECT id, content_hash FROM actions"))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as opened:
        yield opened


@pytest.fixture
def council_in_two_languages(store):
    add_meeting(store, "sv", "701", "Stadsfullmäktige", "sv")
    add_meeting(store, "fi", "801", "Kaupunginvaltuusto", "fi")
    return store


def test_the_same_articles_are_linked_both_ways(council_in_two_languages):
    store = council_in_two_languages
    counts = link_language_versions(store)
    assert (counts.inserted, counts.updated) == (0, 6)
    for article in ("61", "62", "63"):
        assert translations(store, f"sv-{article}") == [
            {"language": "fi", "id": action_id(f"fi-{article}")}
        ]
        assert translations(store, f"fi-{article}") == [
            {"language": "sv", "id": action_id(f"sv-{article}")}
        ]


def test_linking_again_changes_nothing(council_in_two_languages):
    store = council_in_two_languages
    link_language_versions(store)
    before = content_hashes(store)
    again = link_language_versions(store)
    assert (again.inserted, again.updated) == (0, 0)
    assert content_hashes(store) == before


def test_a_merge_of_the_page_again_keeps_the_links(council_in_two_languages):
    store = council_in_two_languages
    link_language_versions(store)
    add_meeting(store, "sv", "701", "Stadsfullmäktige", "sv")
    assert translations(store, "sv-61") == [{"language": "fi", "id": action_id("fi-61")}]


def test_different_dates_are_not_linked(store):
    add_meeting(store, "sv", "701", "Stadsfullmäktige", "sv")
    add_meeting(store, "fi", "801", "Kaupunginvaltuusto", "fi", start="2025-12-16T18:00:00+02:00")
    assert link_language_versions(store).updated == 0
    assert translations(store, "sv-61") is None


@pytest.mark.parametrize(
    ("fi_name", "fi_kind"),
    [
        ("Kaupunginhallitus", DocumentKind.MINUTES),  # another organ
        ("Kaupunginvaltuusto", DocumentKind.AGENDA),  # the agenda, not the minutes
    ],
)
def test_other_organs_and_other_documents_are_not_linked(store, fi_name, fi_kind):
    add_meeting(store, "sv", "701", "Stadsfullmäktige", "sv")
    add_meeting(store, "fi", "801", fi_name, "fi", kind=fi_kind)
    assert link_language_versions(store).updated == 0


def test_only_articles_in_both_versions_are_linked(store):
    add_meeting(store, "sv", "701", "Stadsfullmäktige", "sv", articles=("52", "53", "56"))
    add_meeting(store, "fi", "801", "Kaupunginvaltuusto", "fi", articles=("52", "53"))
    link_language_versions(store)
    assert translations(store, "sv-53") == [{"language": "fi", "id": action_id("fi-53")}]
    assert translations(store, "sv-56") is None


def test_one_organ_publishing_both_languages_is_linked(store):
    add_meeting(store, "sv", "720", "Kommunfullmäktige", "sv", articles=("52",))
    add_meeting(store, "fi", "720", "Kommunfullmäktige", "fi", articles=("52",))
    link_language_versions(store)
    assert translations(store, "fi-52") == [{"language": "sv", "id": action_id("sv-52")}]


def test_contradicting_register_ids_are_not_linked(store):
    add_meeting(
        store,
        "sv",
        "701",
        "Stadsfullmäktige",
        "sv",
        articles=("61", "62"),
        register_ids={"61": "KRS/1/2025", "62": "KRS/2/2025"},
    )
    add_meeting(
        store,
        "fi",
        "801",
        "Kaupunginvaltuusto",
        "fi",
        articles=("61", "62"),
        register_ids={"61": "KRS/1/2025", "62": "KRS/9/2025"},
    )
    link_language_versions(store)
    assert translations(store, "fi-61") == [{"language": "sv", "id": action_id("sv-61")}]
    assert translations(store, "fi-62") is None


def test_an_ambiguous_pair_is_not_linked(store):
    add_meeting(store, "sv", "701", "Stadsfullmäktige", "sv", articles=("61",))
    add_meeting(store, "fi", "801", "Kaupunginvaltuusto", "fi", articles=("61",))
    add_meeting(store, "fi2", "802", "Kaupunginvaltuusto", "fi", articles=("61",))
    assert link_language_versions(store).updated == 0


def test_a_link_goes_when_its_partner_is_withdrawn(council_in_two_languages):
    store = council_in_two_languages
    link_language_versions(store)
    store.mark_withdrawn([action_id("fi-62")], "2026-01-10T00:00:00+00:00")
    counts = link_language_versions(store)
    assert counts.updated == 1
    assert translations(store, "sv-62") is None
    assert translations(store, "sv-61") == [{"language": "fi", "id": action_id("fi-61")}]


@pytest.mark.parametrize(
    ("finnish", "swedish"),
    [
        ("Kaupunginvaltuusto", "Stadsfullmäktige"),
        ("Kaupunginhallitus", "Stadsstyrelsen"),
        ("Kunnanvaltuusto", "Kommunfullmäktige"),
        ("Tekninen lautakunta", "Tekniska nämnden"),
        ("Sivistyslautakunta", "Bildningsnämnden"),
        ("Keskusvaalilautakunta", "Centralvalnämnden"),
        ("Sivistyslautakunnan suomenkielinen jaosto", "Bildningsnämndens finska sektion"),
        ("Kasvatus- ja opetuslautakunta", "Fostrings- och undervisningsnämnden"),
        ("Kaupunginhallituksen konsernijaosto", "Stadsstyrelsens koncernsektion"),
    ],
)
def test_translated_organ_names_have_one_key(finnish, swedish):
    assert organ_key(finnish) is not None
    assert organ_key(finnish) == organ_key(swedish)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kaupunginvaltuusto", "Kommunfullmäktige"),  # city and municipality
        ("Tekninen lautakunta", "Tekniska sektionen"),
        ("Suomenkielinen koulutuslautakunta", "Svenska utbildningsnämnden"),
    ],
)
def test_different_organs_have_different_keys(first, second):
    assert organ_key(first) != organ_key(second)


@pytest.mark.parametrize("name", [None, "", "Ympäristöterveyslautakunta", "Hallintojaosto X"])
def test_names_with_unknown_words_have_no_key(name):
    assert organ_key(name) is None
