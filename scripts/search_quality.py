"""Measure both searches on the judged query set (tests/search_judgements.py).

    .venv/bin/python scripts/search_quality.py            # builds the demo in a temp dir
    .venv/bin/python scripts/search_quality.py --demo-dir /tmp/demo   # reuse a built demo

Prints, for the browser search (the real search page in headless Chromium) and for
`avoin search` (Whoosh): recall@10 (found relevant records in the top ten, over
min(relevant, 10)), MRR (1 / rank of the first relevant record), and the precision of
empty answers (the share of must-find-nothing queries that found nothing), then every
query that missed. ``--json`` prints the numbers as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from site_builder.paths import page_path  # noqa: E402
from tests.search_judgements import JUDGED, Judged  # noqa: E402

TOP = 10
STATUS_TIMEOUT_MS = 30_000


@dataclass
class Measured:
    search: str
    queries: int = 0
    recall_at_10: float = 0.0
    mrr: float = 0.0
    empty_precision: float = 0.0  # must-find-nothing queries answered with nothing
    misses: list[dict] = field(default_factory=list)


def measure(
    search: str,
    rankings: dict[str, list[str]],
    judged: list[Judged] = JUDGED,
    units: dict[str, str] | None = None,
) -> Measured:
    """Scores ``rankings`` (query -> record ids, best first) against the judgements.

    ``units`` maps a judged document (action id) to what the search answers with, for a
    search whose results are items (the browser's: one result per item, its documents
    together); a judged query then wants each relevant item once."""
    recalls, reciprocal_ranks, empty_ok = [], [], []
    misses = []
    for judgement in judged:
        ranked = rankings[judgement.query]
        if judgement.must_find_nothing:
            empty_ok.append(not ranked)
            if ranked:
                misses.append({"query": judgement.query, "found": ranked[:3]})
            continue
        relevant = {(units or {}).get(record, record) for record in judgement.relevant}
        found = relevant.intersection(ranked[:TOP])
        recalls.append(len(found) / min(len(relevant), TOP))
        first = next((rank for rank, record in enumerate(ranked, 1) if record in relevant), None)
        reciprocal_ranks.append(1 / first if first else 0.0)
        if len(found) < min(len(relevant), TOP) or first != 1:
            misses.append(
                {
                    "query": judgement.query,
                    "first_relevant_rank": first,
                    "missing": sorted(relevant - found),
                    "top": ranked[:3],
                }
            )
    return Measured(
        search, len(judged), _mean(recalls), _mean(reciprocal_ranks), _mean(empty_ok), misses
    )


def _mean(values: list) -> float:
    return round(sum(values) / len(values), 4) if values else 1.0


# -- the two searches ------------------------------------------------------------------------


def whoosh_rankings(data_dir: Path, judged: list[Judged] = JUDGED) -> dict[str, list[str]]:
    from transform import search as search_index
    from transform.publishing import PublishingPolicy
    from transform.store import Store

    index_dir = search_index.index_directory(data_dir)
    with Store(data_dir / "avoin.sqlite") as store:
        search_index.update_index(store, index_dir, PublishingPolicy.load())
    return {
        judgement.query: [
            hit.id for hit in search_index.search(index_dir, judgement.query, limit=TOP)
        ]
        for judgement in judged
    }


def browser_rankings(
    site: Path, record_ids: set[str], judged: list[Judged] = JUDGED
) -> dict[str, list[str]]:
    """Each query typed into the Finnish search page and sent with Enter, as a person would;
    the result links read back as record ids (item ids: the results open item pages)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS, chromium_path, serve

    by_path = {
        page_path(record_id).removesuffix("index.html"): record_id for record_id in record_ids
    }
    rankings = {}
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{base_url}fi/search/")
        for judgement in judged:
            rankings[judgement.query] = [
                by_path.get(_record_path(link), link) for link in _search(page, judgement.query)
            ]
        browser.close()
    return rankings


def _search(page, query: str) -> list[str]:
    page.evaluate("document.getElementById('search-status').textContent = ''")
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    page.wait_for_function(
        "() => { const s = document.getElementById('search-status').textContent;"
        " return s && s !== document.getElementById('search-form').dataset.searching; }",
        timeout=STATUS_TIMEOUT_MS,
    )
    return page.eval_on_selector_all(
        "#search-results a", "links => links.map(link => link.pathname)"
    )[:TOP]


def _record_path(pathname: str) -> str:
    """``/fi/riihimaki/action/3001/`` -> ``riihimaki/action/3001/``."""
    return pathname.lstrip("/").split("/", 1)[1] if pathname.count("/") > 1 else pathname


# -- running it -------------------------------------------------------------------------------


def build_demo(directory: Path) -> None:
    from tests.browser import build_demo_site

    build_demo_site(directory)


def record_ids(data_dir: Path) -> set[str]:
    """Every action's and every item's id: the pages a result may open."""
    return set(item_units(data_dir)) | set(item_units(data_dir).values())


def item_units(data_dir: Path) -> dict[str, str]:
    """Action id -> the id of the item it is a document of."""
    from transform.schema import DerivedType
    from transform.store import Store

    with Store(data_dir / "avoin.sqlite") as store:
        items = store.derived_records(DerivedType.ITEM)
    return {doc["action"]: item["id"] for item in items for doc in item["documents"]}


def measure_both(demo_dir: Path) -> list[Measured]:
    site, data_dir = demo_dir / "public", demo_dir / "data"
    return [
        measure(
            "browser (Pagefind)",
            browser_rankings(site, record_ids(data_dir)),
            units=item_units(data_dir),
        ),
        measure("avoin search (Whoosh)", whoosh_rankings(data_dir)),
    ]


def report(results: list[Measured]) -> str:
    lines = [
        f"{len(JUDGED)} judged queries "
        f"({sum(1 for judged in JUDGED if judged.must_find_nothing)} must find nothing)",
        f"{'search':<24} {'recall@10':>9} {'MRR':>6} {'empty precision':>16}",
    ]
    for result in results:
        lines.append(
            f"{result.search:<24} {result.recall_at_10:>9.3f} {result.mrr:>6.3f} "
            f"{result.empty_precision:>16.3f}"
        )
    for result in results:
        for miss in result.misses:
            lines.append(f"  {result.search}: {json.dumps(miss, ensure_ascii=False)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--demo-dir",
        type=Path,
        help="a directory `avoin demo` built "
        "(public/ and data/ in it); default: build one in a temp dir",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        demo_dir = arguments.demo_dir
        if demo_dir is None:
            demo_dir = Path(scratch)
            build_demo(demo_dir)
        results = measure_both(demo_dir)
    if arguments.json:
        print(json.dumps([asdict(result) for result in results], ensure_ascii=False, indent=1))
    else:
        print(report(results))


if __name__ == "__main__":
    main()
