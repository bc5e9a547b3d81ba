"""Both searches on the judged query set (tests/search_judgements.py) over the demo archive:
recall@10 at least 0.95, and every query for a word in no record answered with nothing.
``scripts/search_quality.py`` prints the same figures and every miss."""

from __future__ import annotations

import pytest

from scripts.search_quality import (
    browser_rankings,
    item_units,
    measure,
    record_ids,
    report,
    whoosh_rankings,
)
from tests.browser import build_demo_site, require_browser
from tests.search_judgements import JUDGED
from tests.test_search_analysis import require_analysers

MIN_RECALL_AT_10 = 0.95


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    require_analysers()
    directory = tmp_path_factory.mktemp("search-quality")
    build_demo_site(directory)
    return directory


def test_the_judged_set_is_big_enough_and_in_both_languages():
    assert len(JUDGED) >= 40
    assert {judged.language for judged in JUDGED} == {"fi", "sv"}
    assert sum(judged.must_find_nothing for judged in JUDGED) >= 5
    assert len({judged.query for judged in JUDGED}) == len(JUDGED)


def test_avoin_search_passes_the_judged_set(demo):
    result = measure("avoin search", whoosh_rankings(demo / "data"))
    assert result.recall_at_10 >= MIN_RECALL_AT_10, report([result])
    assert result.empty_precision == 1.0, report([result])


def test_browser_search_passes_the_judged_set(demo):
    require_browser()
    rankings = browser_rankings(demo / "public", record_ids(demo / "data"))
    result = measure("browser", rankings, units=item_units(demo / "data"))
    # One result per item: no item twice among the answers (agenda and minutes together).
    for query, ranked in rankings.items():
        assert len(ranked) == len(set(ranked)), query
    assert result.recall_at_10 >= MIN_RECALL_AT_10, report([result])
    assert result.empty_precision == 1.0, report([result])
