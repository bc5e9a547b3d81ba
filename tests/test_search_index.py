"""site_builder/search.py: the Pagefind index in bundles, one per municipality and year,
plus each municipality's newest months in a bundle of their own.

Small sites written here (plus the golden site), indexed by the real Pagefind binary: which
page goes in which bundle, what is indexed again after a change, what is removed, the
names a bundle may have, and ``bundles.json``. The browser side is in test_site_browser.py.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from site_builder import search
from site_builder.build import build_site
from site_builder.search import (
    BUNDLES_FILE,
    PAGE_CACHE_FILE,
    PagePlace,
    PageState,
    SearchIndexError,
    bundle_name,
    group_into_bundles,
    index_site,
    months_before,
    place_of_page,
)
from tests.golden.store import FakeStore, site_records
from transform.publishing import PublishingPolicy


def page_html(
    title: str,
    municipality: str = "vaasa",
    year: str | None = "2025",
    language: str = "fi",
    indexed: bool = True,
    day: str | None = None,
) -> str:
    """A record page with the markers templates/action.html gives the index (dated
    ``day``, by default 1 January of ``year``)."""
    body = " data-pagefind-body" if indexed else ""
    day = day or f"{year}-01-01"
    dated = (
        f'<time data-pagefind-filter="year:{year}" data-pagefind-sort="date:{day}">{day}</time>'
        if year
        else ""
    )
    return (
        f'<!doctype html><html lang="{language}"><head><title>{title}</title></head><body>'
        f'<article{body}><h1 data-pagefind-meta="title">{title}</h1>'
        f'<dd data-pagefind-filter="municipality:{municipality}">{municipality}</dd>{dated}'
        f"<p>{title} päätös beslut</p></article></body></html>"
    )


def write_page(site: Path, path: str, html: str) -> Path:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(html, encoding="utf-8")
    return file


@pytest.fixture
def small_site(tmp_path) -> Path:
    """Two municipalities, two years, a Swedish record, an undated one, pages not indexed."""
    site = tmp_path / "public"
    write_page(site, "fi/vaasa/action/1/index.html", page_html("Talousarvio"))
    write_page(site, "fi/vaasa/action/2/index.html", page_html("Asemakaava"))
    write_page(site, "sv/vaasa/action/3/index.html", page_html("Detaljplan", language="sv"))
    write_page(site, "fi/vaasa/action/4/index.html", page_html("Tilinpäätös", year="2024"))
    write_page(
        site,
        "sv/kristinestad/action/5/index.html",
        page_html("Budget", municipality="kristinestad", year=None, language="sv"),
    )
    # The same records in the other trees, as the site has them: never indexed.
    for tree, record in (("sv", 1), ("en", 1), ("fi", 3), ("en", 3)):
        write_page(
            site,
            f"{tree}/vaasa/action/{record}/index.html",
            page_html("Muu", language=tree, indexed=False),
        )
    # An English page with the marker is not read at all: only fi/ and sv/ are.
    write_page(site, "en/vaasa/action/9/index.html", page_html("Stray", language="en"))
    write_page(site, "fi/index.html", "<!doctype html><html lang=fi><body>Etusivu</body></html>")
    return site


def bundles_json(site: Path) -> dict[str, dict]:
    listing = json.loads((site / "pagefind" / BUNDLES_FILE).read_text(encoding="utf-8"))
    return {entry["name"]: entry for entry in listing["bundles"]}


def indexed_urls(bundle_dir: Path) -> set[str]:
    """The URLs Pagefind stored for the bundle's pages (its fragments, gzip + a header)."""
    urls = set()
    for fragment in (bundle_dir / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        urls.add(json.loads(data[data.index(b"{") :])["url"])
    return urls


def touch_later(file: Path, html: str) -> None:
    """Rewrite a page as the site writer does: new bytes, a new mtime."""
    stat = file.stat()
    file.write_text(html, encoding="utf-8")
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


# -- which page goes in which bundle --------------------------------------------------------


def test_a_page_says_its_municipality_year_and_month():
    assert place_of_page(page_html("x").encode(), "p") == PagePlace("vaasa", "2025", "2025-01")
    assert place_of_page(page_html("x", year=None).encode(), "p") == PagePlace(
        "vaasa", "undated", None
    )
    kristinestad = place_of_page(page_html("x", "kristinestad", "2017").encode(), "p")
    assert kristinestad.year_bundle() == "kristinestad-2017"
    assert kristinestad.recent_bundle() == "kristinestad-recent"
    assert place_of_page(page_html("x", indexed=False).encode(), "p") is None


def test_harvested_text_cannot_fake_the_markers():
    """Text is escaped on the page: a decision quoting our markup stays text."""
    quoted = (
        "&lt;article data-pagefind-body&gt; data-pagefind-filter=&#34;municipality:x&#34;"
        " data-pagefind-body "
    )
    assert place_of_page(page_html(quoted, indexed=False).encode(), "p") is None
    assert place_of_page(page_html(quoted).encode(), "p").year_bundle() == "vaasa-2025"


@pytest.mark.parametrize(
    "municipality",
    ["../etc", "Vaasa", "vaa/sa", "", "-vaasa", "vaasa-", "vaa--sa", "väasa", "vaasa 2025"],
)
def test_an_unsafe_municipality_never_names_a_bundle(municipality):
    with pytest.raises(SearchIndexError, match="not a safe bundle name"):
        bundle_name(municipality, "2025")
    with pytest.raises(SearchIndexError, match="not a safe bundle name"):
        place_of_page(page_html("x", municipality=municipality).encode(), "p")


@pytest.mark.parametrize("year", ["20x5", "../1", "202", "20255", ""])
def test_an_unsafe_year_never_names_a_bundle(year):
    with pytest.raises(SearchIndexError, match="not a safe bundle name"):
        bundle_name("vaasa", year)


def _states(*places: PagePlace) -> dict[str, PageState]:
    return {f"fi/p/{n}/index.html": PageState(1, 1, place) for n, place in enumerate(places)}


def test_a_towns_newest_three_months_are_a_bundle_of_their_own():
    """Counted back from the newest month on the town's own pages, across a new year;
    another town's newer pages do not move the window."""
    bundles = group_into_bundles(
        _states(
            PagePlace("vaasa", "2025", "2025-02"),
            PagePlace("vaasa", "2024", "2024-12"),
            PagePlace("vaasa", "2024", "2024-11"),  # three months back: outside
            PagePlace("vaasa", "2024", "2024-03"),
            PagePlace("vaasa", "2024", None),  # a year without a date: its year's
            PagePlace("vaasa", "undated", None),
            PagePlace("kristinestad", "2026", "2026-05"),
            PagePlace("kristinestad", "2025", "2025-02"),
        )
    )
    assert {name: len(bundle.pages) for name, bundle in bundles.items()} == {
        "vaasa-recent": 2,
        "vaasa-2024": 3,
        "vaasa-undated": 1,
        "kristinestad-recent": 1,
        "kristinestad-2025": 1,
    }
    assert months_before("2025-02", 2) == "2024-12"
    assert months_before("2025-12", 11) == "2025-01"


def test_a_bundle_over_the_bound_is_split_into_whole_months():
    """A large town-year: parts of whole months, none over the bound, every page in one
    part; a month over the bound alone is cut in page order; the names are safe."""
    months = ["2024-01"] * 3 + ["2024-02"] * 2 + ["2024-03"] * 5 + [None] * 2
    newest = PagePlace("vaasa", "2025", "2025-12")  # keeps 2024 out of the recent bundle
    places = [PagePlace("vaasa", "2024", month) for month in months]
    bundles = group_into_bundles(_states(*places, newest), max_pages=4)
    sizes = {name: len(bundle.pages) for name, bundle in bundles.items()}
    assert sizes == {
        "vaasa-recent": 1,
        "vaasa-2024-nodate": 2,
        "vaasa-2024-01": 3,
        "vaasa-2024-02": 2,
        "vaasa-2024-03-1": 4,
        "vaasa-2024-03-2": 1,
    }
    assert sum(sizes.values()) == len(months) + 1
    assert all(search.BUNDLE_NAME.fullmatch(name) for name in bundles)


def test_a_new_page_moves_no_page_of_an_earlier_month():
    """Parts begin at month boundaries: a page added in a later month leaves the earlier
    parts' pages (so their indexes) as they were."""
    months = ["2024-01"] * 3 + ["2024-05"] * 3
    places = [PagePlace("vaasa", "2025", "2025-12")]
    places += [PagePlace("vaasa", "2024", month) for month in months]
    before = group_into_bundles(_states(*places), max_pages=4)
    after = group_into_bundles(_states(*places, PagePlace("vaasa", "2024", "2024-06")), 4)
    assert set(before) == {"vaasa-recent", "vaasa-2024-01", "vaasa-2024-05"}
    assert before["vaasa-2024-01"].pages == after["vaasa-2024-01"].pages


def test_a_split_year_is_indexed_in_parts_and_every_part_is_listed(small_site, monkeypatch):
    """With a bound of one page the town-year is indexed as parts, each a Pagefind run of
    its own, each listed in bundles.json (which the browser merges)."""
    monkeypatch.setattr(search, "MAX_BUNDLE_PAGES", 1)
    report = index_site(small_site)
    listing = bundles_json(small_site)
    assert report["pages"] == 5 and sum(entry["pages"] for entry in listing.values()) == 5
    assert all(entry["pages"] == 1 for entry in listing.values())
    recent_parts = [name for name in listing if name.startswith("vaasa-recent-")]
    assert len(recent_parts) == 3
    urls = set().union(*(indexed_urls(small_site / "pagefind" / name) for name in recent_parts))
    assert urls == {"/fi/vaasa/action/1/", "/fi/vaasa/action/2/", "/sv/vaasa/action/3/"}


def test_a_cached_place_is_checked_like_a_page(small_site):
    """The page cache names directories through places: a tampered one is not trusted,
    every page is read again."""
    index_site(small_site)
    cache = small_site / "pagefind" / PAGE_CACHE_FILE
    saved = json.loads(cache.read_text(encoding="utf-8"))
    saved["pages"]["fi/vaasa/action/1/index.html"][2] = ["../x", "2025", "2025-01"]
    cache.write_text(json.dumps(saved), encoding="utf-8")
    assert search.read_page_cache(cache) == {}
    index_site(small_site)
    assert not (small_site / "pagefind" / "..").resolve().joinpath("x-recent").exists()
    assert set(bundles_json(small_site)) == {"kristinestad-undated", "vaasa-2024", "vaasa-recent"}


def test_an_indexed_page_without_a_municipality_fails_loudly():
    page = page_html("x").replace('data-pagefind-filter="municipality:vaasa"', "")
    with pytest.raises(SearchIndexError, match="without a municipality"):
        place_of_page(page.encode(), "fi/x/index.html")


def _expected_bundle(action: dict, actions: list[dict]) -> str:
    """The town's newest three months (by its actions' dates) recent, the rest by year."""
    town = action["municipality"]
    newest = max(a["date"][:7] for a in actions if a["municipality"] == town and a.get("date"))
    year, month = int(newest[:4]), int(newest[5:7])
    start = f"{year - (month <= 2)}-{(month - 3) % 12 + 1:02d}"
    if action.get("date") and action["date"][:7] >= start:
        return f"{town}-recent"
    return f"{town}-{(action.get('date') or 'undated')[:4]}"


def test_the_golden_site_is_bundled_by_municipality_and_year(tmp_path):
    """The real templates: each item's entry once per language (the agenda's copy of a
    decided item is none), in its own language's tree, in the bundle of its municipality
    and year."""
    site = tmp_path / "public"
    build_site(FakeStore(site_records()), site, policy=PublishingPolicy(today=date(2017, 3, 22)))
    report = index_site(site)
    superseded = {"vaasa:action:123-agenda"}  # its minutes' item is in the golden records
    records = [
        a
        for a in site_records()["actions"]
        if not a.get("withdrawn_at") and a["id"] not in superseded
    ]
    expected = {}
    for action in records:
        name = _expected_bundle(action, records)
        language = action["language"] if action.get("language") in ("fi", "sv") else "fi"
        expected.setdefault(name, {}).setdefault(language, 0)
        expected[name][language] += 1
    assert {name: entry["languages"] for name, entry in bundles_json(site).items()} == expected
    assert report["pages"] == len(records) and report["bundles"] == len(expected)
    bundle = _expected_bundle(next(a for a in records if a["id"] == "vaasa:action:123-sv"), records)
    assert "/sv/vaasa/action/123-sv/" in indexed_urls(site / "pagefind" / bundle)


# -- indexing and re-indexing ---------------------------------------------------------------


def test_each_bundle_is_indexed_by_itself_with_the_pages_real_urls(small_site):
    report = index_site(small_site)
    assert report["bundles"] == 3 and report["reindexed"]
    assert report["bundles_reindexed"] == ["kristinestad-undated", "vaasa-2024", "vaasa-recent"]
    assert report["languages"] == {"fi": 3, "sv": 2} and report["pages"] == 5
    target = small_site / "pagefind"
    assert indexed_urls(target / "vaasa-recent") == {
        "/fi/vaasa/action/1/",
        "/fi/vaasa/action/2/",
        "/sv/vaasa/action/3/",
    }
    assert indexed_urls(target / "kristinestad-undated") == {"/sv/kristinestad/action/5/"}
    for name in report["bundles_reindexed"]:
        assert (target / name / "pagefind.js").is_file()
        assert not (target / name / "pagefind-ui.js").exists()  # Pagefind's UI is not used


def test_bundles_json_lists_each_bundle_with_its_languages_and_counts(small_site):
    index_site(small_site)
    listing = bundles_json(small_site)
    assert list(listing) == ["kristinestad-undated", "vaasa-2024", "vaasa-recent"]
    assert listing["vaasa-recent"]["languages"] == {"fi": 2, "sv": 1}
    assert listing["vaasa-recent"]["pages"] == 3
    assert listing["kristinestad-undated"]["languages"] == {"sv": 1}
    files = {p for p in (small_site / "pagefind" / "vaasa-recent").rglob("*") if p.is_file()}
    assert listing["vaasa-recent"]["files"] == len(files)
    assert len({entry["digest"] for entry in listing.values()}) == 3


def test_an_unchanged_site_runs_no_pagefind_and_reads_no_page(small_site, monkeypatch):
    index_site(small_site)
    before = {p: p.read_bytes() for p in (small_site / "pagefind").rglob("*") if p.is_file()}

    def fail(*args):
        raise AssertionError("Pagefind ran on an unchanged site")

    monkeypatch.setattr(search, "run_pagefind", fail)
    monkeypatch.setattr(search, "place_of_page", fail)
    report = index_site(small_site)
    assert (report["reindexed"], report["bundles_reindexed"]) == (False, [])
    assert (report["written"], report["removed"]) == (0, 0)
    assert report["unchanged"] == len(before) - 1  # every file but the page cache
    assert report["pages"] == 5 and report["languages"] == {"fi": 3, "sv": 2}
    assert {
        p: p.read_bytes() for p in (small_site / "pagefind").rglob("*") if p.is_file()
    } == before


def test_a_changed_page_reindexes_only_its_bundle(small_site, monkeypatch):
    index_site(small_site)
    untouched = (small_site / "pagefind" / "vaasa-2024" / "pagefind-entry.json").stat()
    read, read_page = [], search.place_of_page
    monkeypatch.setattr(
        search, "place_of_page", lambda page, path: read.append(path) or read_page(page, path)
    )
    touch_later(small_site / "fi/vaasa/action/2/index.html", page_html("Rakennuslupa"))
    report = index_site(small_site)
    assert read == ["fi/vaasa/action/2/index.html"]  # the others came from the cache
    assert report["bundles_reindexed"] == ["vaasa-recent"] and report["written"] > 0
    assert (small_site / "pagefind" / "vaasa-2024" / "pagefind-entry.json").stat() == untouched


def test_a_change_in_the_newest_months_leaves_the_rest_of_the_year_alone(small_site):
    """A night's corrections land in the recent bundle: the year's older pages, in a
    bundle of their own, are not indexed again."""
    write_page(small_site, "fi/vaasa/action/6/index.html", page_html("Kesä", day="2025-06-30"))
    index_site(small_site)
    assert bundles_json(small_site)["vaasa-2025"]["pages"] == 3  # January's, 5 months back
    year = (small_site / "pagefind" / "vaasa-2025" / "pagefind-entry.json").stat()
    touch_later(small_site / "fi/vaasa/action/6/index.html", page_html("Kesäkuu", day="2025-06-30"))
    report = index_site(small_site)
    assert report["bundles_reindexed"] == ["vaasa-recent"]
    assert indexed_urls(small_site / "pagefind" / "vaasa-recent") == {"/fi/vaasa/action/6/"}
    assert (small_site / "pagefind" / "vaasa-2025" / "pagefind-entry.json").stat() == year


def test_a_newer_month_moves_the_window_and_reindexes_what_left_it(small_site):
    index_site(small_site)
    write_page(small_site, "fi/vaasa/action/6/index.html", page_html("Kesä", day="2025-06-30"))
    report = index_site(small_site)
    assert report["bundles_reindexed"] == ["vaasa-2025", "vaasa-recent"]
    assert bundles_json(small_site)["vaasa-2025"]["pages"] == 3
    assert bundles_json(small_site)["vaasa-recent"]["pages"] == 1


def test_a_page_that_moves_to_another_year_reindexes_both_bundles(small_site):
    index_site(small_site)
    touch_later(small_site / "fi/vaasa/action/2/index.html", page_html("Asemakaava", year="2024"))
    report = index_site(small_site)
    assert report["bundles_reindexed"] == ["vaasa-2024", "vaasa-recent"]
    assert bundles_json(small_site)["vaasa-2024"]["pages"] == 2


def test_a_bundle_without_pages_is_removed_after_bundles_json_stops_naming_it(
    small_site, monkeypatch
):
    index_site(small_site)
    (small_site / "sv/kristinestad/action/5/index.html").unlink()
    named_at_removal = []
    remove = search.remove_leftovers

    def note_listing(target, *args):
        named_at_removal.extend(bundles_json(small_site))
        remove(target, *args)

    monkeypatch.setattr(search, "remove_leftovers", note_listing)
    report = index_site(small_site)
    assert "kristinestad-undated" not in named_at_removal
    assert not (small_site / "pagefind" / "kristinestad-undated").exists()
    assert report["removed"] > 0 and report["bundles_reindexed"] == []
    assert report["pages"] == 4 and set(bundles_json(small_site)) == {"vaasa-2024", "vaasa-recent"}


def test_new_bundle_files_come_before_the_listing_that_names_them(small_site, monkeypatch):
    written = []
    write = search.write_if_changed
    monkeypatch.setattr(
        search,
        "write_if_changed",
        lambda target, data: written.append(target) or write(target, data),
    )
    index_site(small_site)
    names = [path.relative_to(small_site / "pagefind").as_posix() for path in written]
    assert names[-2:] == [BUNDLES_FILE, PAGE_CACHE_FILE]
    for bundle in ("vaasa-recent", "vaasa-2024", "kristinestad-undated"):
        own = [name.split("/", 1)[1] for name in names if name.startswith(f"{bundle}/")]
        assert set(own[-3:]) == {"pagefind-entry.json", "pagefind.js", "pagefind-worker.js"}
        assert len(own) > 3


def test_an_older_flat_index_and_a_killed_runs_scratch_are_cleaned_up(small_site):
    target = small_site / "pagefind"
    write_page(target, "pagefind-entry.json", "{}")
    write_page(target, "fragment/old.pf_fragment", "x")
    write_page(target, ".avoin-scratch-dead/vaasa-2025/site/fi/x.html", "x")
    report = index_site(small_site)
    assert report["removed"] == 3
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [BUNDLES_FILE, PAGE_CACHE_FILE, "kristinestad-undated", "vaasa-2024", "vaasa-recent"]
    )


def test_a_lost_listing_reindexes_every_bundle(small_site):
    index_site(small_site)
    (small_site / "pagefind" / BUNDLES_FILE).write_text("not json")
    report = index_site(small_site)
    assert len(report["bundles_reindexed"]) == 3 and report["reindexed"]
    assert len(bundles_json(small_site)) == 3


def test_at_most_two_pagefind_runs_at_once(small_site, monkeypatch):
    running, most = [], [0]
    lock = threading.Lock()
    run = search.run_pagefind

    def counted(pages, output):
        with lock:
            running.append(pages)
            most[0] = max(most[0], len(running))
        try:
            time.sleep(0.3)  # long enough for the runs to overlap when they may
            run(pages, output)
        finally:
            with lock:
                running.remove(pages)

    monkeypatch.setattr(search, "run_pagefind", counted)
    index_site(small_site)
    assert most[0] == 2


def test_pagefind_failing_fails_the_index_and_leaves_no_scratch(small_site, monkeypatch):
    monkeypatch.setattr(search, "pagefind_command", lambda pages, output: ["false"])
    with pytest.raises(SearchIndexError, match="pagefind failed"):
        index_site(small_site)
    assert not any(
        p.name.startswith(".avoin-scratch-") for p in (small_site / "pagefind").iterdir()
    )


def test_a_site_with_nothing_to_index_fails(tmp_path):
    write_page(tmp_path, "fi/index.html", page_html("x", indexed=False))
    with pytest.raises(SearchIndexError, match="no page to index"):
        index_site(tmp_path)
