"""Welfare regions beside the towns they serve: the links between the records, and what the
demo's site and dumps show of the region Oma Häme (sample_sites/dynasty/omahame)."""

from __future__ import annotations

import csv
import re

import pytest

from site_builder.regions import towns_and_regions, with_welfare_links
from tests.harvesting import avoin
from transform.store import Store


def _record(record_id, kind="municipality", serves=()):
    return {"id": record_id, "name": {"fi": record_id.title()}, "kind": kind, "serves": serves}


def test_a_region_and_its_towns_link_both_ways_and_only_to_what_is_held():
    linked = with_welfare_links(
        [
            _record("hameenlinna"),
            _record("omahame", "welfare_region", ["riihimaki", "hameenlinna", "forssa"]),
            _record("riihimaki"),
            _record("vaasa"),
        ]
    )
    by_id = {record["id"]: record for record in linked}
    assert [town["id"] for town in by_id["omahame"]["serves_shown"]] == [
        "riihimaki",
        "hameenlinna",
    ]  # forssa is not in the archive: no link to nothing
    assert by_id["riihimaki"]["served_by"] == [{"id": "omahame", "name": {"fi": "Omahame"}}]
    assert by_id["vaasa"]["served_by"] == [] and by_id["vaasa"]["serves_shown"] == []
    towns, regions = towns_and_regions(linked)
    assert [r["id"] for r in regions] == ["omahame"]
    assert [t["id"] for t in towns] == ["hameenlinna", "riihimaki", "vaasa"]


def test_a_record_without_a_kind_is_a_municipality():
    (record,) = with_welfare_links([{"id": "vaasa", "name": {"fi": "Vaasa"}}])
    assert record["served_by"] == [] and towns_and_regions([record]) == ([record], [])


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    result = avoin("demo", "--out", tmp / "public", "--data-dir", tmp / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp


def test_the_region_s_decisions_are_its_own_in_the_store(demo):
    with Store(demo / "data" / "avoin.sqlite") as store:
        region = next(m for m in store.municipalities() if m["id"] == "omahame")
        actions = store.actions(municipality="omahame")
    assert region["kind"] == "welfare_region"
    assert region["serves"] == ["riihimaki", "hameenlinna"]
    assert actions and all(a["id"].startswith("omahame:action:") for a in actions)
    assert any(a.get("decision_maker") for a in actions)  # its officeholders decide too


def test_the_dumps_say_what_a_region_is_and_whom_it_serves(demo):
    with open(demo / "public" / "data" / "municipalities.csv", encoding="utf-8") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    assert rows["omahame"]["kind"] == "welfare_region"
    assert rows["omahame"]["serves"] == "riihimaki | hameenlinna"
    assert rows["riihimaki"]["kind"] == "municipality" and rows["riihimaki"]["serves"] == ""


def _page(demo, path):
    return (demo / "public" / path).read_text(encoding="utf-8")


def test_the_home_page_lists_the_region_apart_with_its_towns(demo):
    page = _page(demo, "fi/index.html")
    towns = re.search(r'aria-labelledby="municipalities-heading">(.*?)</section>', page, re.S)
    regions = re.search(r'aria-labelledby="regions-heading">(.*?)</section>', page, re.S)
    assert "omahame" not in towns.group(1) and "riihimaki" in towns.group(1)
    assert 'href="/fi/omahame/"' in regions.group(1)
    assert 'href="/fi/riihimaki/"' in regions.group(1)
    assert 'href="/fi/hameenlinna/"' in regions.group(1)


@pytest.mark.parametrize("town", ["riihimaki", "hameenlinna"])
def test_a_served_town_s_page_leads_to_its_region(demo, town):
    page = _page(demo, f"sv/{town}/index.html")
    (line,) = re.findall(r'<p class="welfare-region">(.*?)</p>', page, re.S)
    assert "välfärdsområdet" in line and 'href="/sv/omahame/"' in line


def test_the_region_s_page_names_its_towns_and_an_unserved_town_names_no_region(demo):
    (line,) = re.findall(
        r'<p class="welfare-region">(.*?)</p>', _page(demo, "en/omahame/index.html"), re.S
    )
    assert 'href="/en/riihimaki/"' in line and 'href="/en/hameenlinna/"' in line
    assert 'class="welfare-region"' not in _page(demo, "en/vaasa/index.html")
