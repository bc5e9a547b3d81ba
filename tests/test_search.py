"""`avoin search`: Finnish and Swedish stemming, exact register ids, filters, formats,
incremental updates and clear messages for bad queries, on a small hand-written store."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner

from cli import main
from transform.publishing import PublishingPolicy
from transform.schema import ContentType, RecordType, make_id
from transform.search import (
    SearchQueryError,
    format_hits,
    index_directory,
    parse_query,
    search,
    update_index,
)
from transform.store import Store

POLICY = PublishingPolicy(today=date(2026, 11, 23))
REGISTER_ID = "HML/2751/10.02.03/2015"


def action(town, origin_id, title, text, language, day, **fields):
    return {
        "id": make_id(town, RecordType.ACTION, origin_id),
        "origin_id": origin_id,
        "organization": make_id(town, RecordType.ORGANIZATION, "board"),
        "title": title,
        "language": language,
        "date": day,
        "contents": [{"type": ContentType.PROPOSAL, "label": "Päätösehdotus", "text": text}],
        **fields,
    }


ACTIONS = [
    action(
        "hameenlinna",
        "1",
        "Keinusaaren asemakaava",
        "Kaupunginhallitus hyväksyy Keinusaaren asemakaavan muutoksen.",
        "fi",
        "2026-10-26",
        register_id=REGISTER_ID,
    ),
    action(
        "hameenlinna",
        "2",
        "Talousarvio 2027",
        "Talousarvio ja taloussuunnitelma vuosille 2027-2029. Viittaus 2751/2015.",
        "fi",
        "2024-12-01",
        register_id="HML/99/02.02.00/2024",
    ),
    action(
        "kristinestad",
        "3",
        "Detaljplan för Östra centrum",
        "Stadsstyrelsen godkänner detaljplanen för Östra centrum.",
        "sv",
        "2026-09-01",
    ),
    action(
        "vaasa",
        "4",
        "Asemakaavan muutos, Palosaari",
        "Asemakaavaa muutetaan Palosaaren rannassa.",
        "fi",
        "2023-05-05",
    ),
    action(
        "vaasa",
        "5",
        "Hakemus",
        "Hakijan henkilötunnus 150372-958K on liitteessä.",
        "fi",
        "2026-11-20",
    ),
]
ORGANS = [
    {"id": make_id(town, RecordType.ORGANIZATION, "board"), "origin_id": "board", "name": name}
    for town, name in (
        ("hameenlinna", "Kaupunginhallitus"),
        ("kristinestad", "Stadsstyrelsen"),
        ("vaasa", "Kaupunginhallitus"),
    )
]


def provenance(fetched_at="2026-11-22T10:00:00+00:00"):
    return {
        "source_url": "https://t/",
        "fetched_at": fetched_at,
        "raw_sha256": "a" * 64,
        "parser_version": "1",
    }


@pytest.fixture
def data_dir(tmp_path):
    with Store(tmp_path / "avoin.sqlite") as store:
        store.merge_page({"organizations": ORGANS, "actions": ACTIONS}, provenance())
    return tmp_path


@pytest.fixture
def index(data_dir):
    with Store(data_dir / "avoin.sqlite") as store:
        update_index(store, index_directory(data_dir), POLICY)
    return index_directory(data_dir)


def ids(hits):
    return [hit.id for hit in hits]


# -- language --------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["asemakaava", "asemakaavan", "asemakaavaa"])
def test_finnish_inflected_forms_find_each_other(index, query):
    found = ids(search(index, query))
    assert "hameenlinna:action:1" in found  # "asemakaava" in the title, "asemakaavan" in text
    assert "vaasa:action:4" in found  # "Asemakaavan", "Asemakaavaa"
    assert "kristinestad:action:3" not in found


@pytest.mark.parametrize("query", ["detaljplan", "detaljplanen", "detaljplaner"])
def test_swedish_inflected_forms_find_each_other(index, query):
    assert ids(search(index, query)) == ["kristinestad:action:3"]


def test_snippets_highlight_the_inflected_form_found(index):
    [hit] = search(index, "detaljplan")
    assert "**detaljplanen**" in hit.snippet
    assert (hit.date, hit.organ, hit.title) == (
        "2026-09-01",
        "Stadsstyrelsen",
        "Detaljplan för Östra centrum",
    )


# -- register id, filters ----------------------------------------------------------------


def test_register_id_matches_exactly_and_ranks_first(index):
    hits = search(index, REGISTER_ID)
    assert hits[0].id == "hameenlinna:action:1"
    assert hits[0].register_id == REGISTER_ID
    assert ids(search(index, f'register_id:"{REGISTER_ID}"')) == ["hameenlinna:action:1"]
    assert search(index, 'register_id:"HML/2751/10.02.03"') == []  # not a prefix match


def test_filters_by_municipality_and_date(index):
    assert ids(search(index, "asemakaava", municipality="vaasa")) == ["vaasa:action:4"]
    assert ids(search(index, "asemakaava", since="2024-01-01")) == ["hameenlinna:action:1"]
    assert search(index, "asemakaava", municipality="kristinestad") == []


def test_limit_keeps_the_best(index):
    assert len(search(index, "asemakaava", limit=1)) == 1


# -- publishing rules --------------------------------------------------------------------------


def test_personal_identity_codes_are_not_indexed(index):
    [hit] = search(index, "hakemus")
    assert "150372-958K" not in hit.snippet
    assert search(index, '"150372-958K"') == []


# -- incremental -------------------------------------------------------------------------------


def test_update_reindexes_only_what_changed(data_dir, index):
    with Store(data_dir / "avoin.sqlite") as store:
        assert update_index(store, index, POLICY).changed is False
        changed = {**ACTIONS[2], "title": "Detaljplan för Västra centrum"}
        store.merge_page({"actions": [changed]}, provenance("2026-11-23T10:00:00+00:00"))
        store.mark_withdrawn(["vaasa:action:4"], "2026-11-23T10:00:00+00:00")
        report = update_index(store, index, POLICY)
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 1, 1, 3)
    assert search(index, "västra")[0].title == "Detaljplan för Västra centrum"
    assert "vaasa:action:4" not in ids(search(index, "asemakaava"))


def test_a_full_index_spills_its_postings_to_disk_with_the_same_results(
    data_dir, index, monkeypatch
):
    # The writer's pool is bounded (WRITER_LIMIT_MB): past it, postings go to sorted runs
    # on disk, which keeps a full index's memory flat at any size. A tiny bound here.
    from whoosh.writing import PostingPool

    from transform import search as search_module

    runs = []
    save = PostingPool.save
    monkeypatch.setattr(
        PostingPool, "save", lambda pool: (runs.append(len(pool.current)), save(pool))[1]
    )
    monkeypatch.setattr(search_module, "WRITER_LIMIT_MB", 0.01)
    spilled = data_dir / "spilled"
    with Store(data_dir / "avoin.sqlite") as store:
        update_index(store, spilled, POLICY)
    assert len([count for count in runs if count]) > 1
    for query in ("asemakaava", "detaljplan", REGISTER_ID, "hakemus", "kaava OR plan"):
        assert search(spilled, query) == search(index, query)


def test_a_lost_state_file_rebuilds_the_index(data_dir, index):
    (index / "indexed.json").unlink()
    with Store(data_dir / "avoin.sqlite") as store:
        report = update_index(store, index, POLICY)
    assert report.rebuilt and report.added == len(ACTIONS)
    assert len(search(index, "asemakaava")) == 2  # no duplicates from the old index


# -- queries and formats -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, reason",
    [
        ("(asemakaava", "not closed"),
        ("asemakaava)", "closes nothing"),
        ('"asemakaava', "double quote"),
        ("asemakaava AND", "ends with the operator"),
        ("otsikko:kaava", "no field 'otsikko'"),
        ("   ", "empty"),
    ],
)
def test_queries_whoosh_would_misread_are_refused_with_a_reason(query, reason):
    with pytest.raises(SearchQueryError, match=reason):
        parse_query(query)


def test_formats(index):
    hits = search(index, "asemakaava")
    rows = list(csv.DictReader(io.StringIO(format_hits(hits, "csv"))))
    assert [row["id"] for row in rows] == ids(hits)
    assert rows[0]["rank"] == "1" and "**" in rows[0]["snippet"]
    assert [item["id"] for item in json.loads(format_hits(hits, "json"))] == ids(hits)
    table = format_hits(hits, "table")
    assert table.startswith(" 1. hameenlinna:action:1  2026-10-26  Kaupunginhallitus")
    assert "Keinusaaren asemakaava" in table
    assert format_hits([], "table") == "no matches"


# -- the command -------------------------------------------------------------------------------


def test_command_builds_the_index_and_prints_json(data_dir):
    result = CliRunner().invoke(
        main, ["search", "detaljplanen", "--data-dir", str(data_dir), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert [hit["id"] for hit in json.loads(result.stdout)] == ["kristinestad:action:3"]
    assert "search index updated: 5 added" in result.stderr


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["(kaava"], "cannot parse the query '(kaava'"),
        (["kaava", "--since", "eilen"], "not a date"),
    ],
)
def test_command_bad_input_is_one_clear_line_and_exit_2(data_dir, arguments, message):
    result = CliRunner().invoke(main, ["search", *arguments, "--data-dir", str(data_dir)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output + result.stderr


def test_command_without_a_store_says_so(tmp_path):
    result = CliRunner().invoke(main, ["search", "kaava", "--data-dir", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "no store" in result.stderr
