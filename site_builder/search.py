"""The browser's search index: Pagefind run over the built site, in bundles.

Pagefind reads the finished pages, not the store: what it indexes is exactly what a reader
sees. Templates mark the indexed part of a page (``data-pagefind-body``), the filters
(``data-pagefind-filter``: municipality id, organ id, document kind, outcome and year, as
codes, not words) and the result metadata (``data-pagefind-meta``). The search page turns
the codes into words in its own UI language, so one index serves every UI language.

**One language tree.** Every record is rendered in three UI language trees (``fi/``,
``sv/``, ``en/``), but only the page in the record's own language tree (its ``language``
when Finnish or Swedish, else ``fi/``) carries ``data-pagefind-body``. A record is indexed
once, not three times, and Pagefind files it by the page's ``<html lang>``: Finnish records
in its Finnish index, Swedish ones in its Swedish index, each stemmed as its language.
``static/search.js`` searches both whatever the searcher's language and rewrites a
result's link into the searcher's own tree. Only ``fi/`` and ``sv/`` are read.

**Bundles.** Pagefind holds its whole input in memory (about 0.2 MiB a page): one run over
100,000 records would need some 20 GiB. So the pages are split into bundles of bounded
size, one per municipality and year (``vaasa-2025``; records without a date in
``vaasa-undated``), except that a town's newest ``RECENT_MONTHS`` months (counted back from
the newest date on its pages, not from the clock) are a bundle of their own
(``vaasa-recent``): a night's changes are new minutes and corrections within the
harvester's 60-day window, so a night re-indexes that small bundle rather than the whole
year, and a year's bundle again only when the window moves past its pages (once a month).
A bundle of more than ``MAX_BUNDLE_PAGES`` pages (a large city's year) is split into parts
of whole months (``vaasa-2025-01``, ``vaasa-2025-07``), so no Pagefind run holds more than
about 750 MiB whatever the size of a town (docs/scale.md).
Each bundle is indexed by a Pagefind run of its own into ``pagefind/<bundle>/``,
up to two runs at a time (two cores). Pagefind gets a scratch directory of hard links to
just that bundle's pages, at their paths relative to the site root, so results keep their
real URLs. The browser runs one Pagefind instance per index language, each merging that
language's index of every bundle (Pagefind's ``mergeIndex``); ``pagefind/bundles.json``
names them.

**Incremental.** A page's place (its municipality, year and month) is read from the page
itself (its municipality and year filters, its date) and cached by the page's size and
mtime (``.avoin-page-bundles.json``): the site
writer never rewrites an unchanged page, so an unchanged page is not read again. A bundle
is indexed again only when its pages' digest (paths, sizes, mtimes, Pagefind's version)
differs from the one in ``bundles.json``: a night that changed this year's records re-runs
this year's bundles only, an unchanged site runs Pagefind not at all. Pagefind's own output
is not byte-stable (its filter chunks get new names on each run), so a bundle's files are
copied over only where their bytes differ: new chunks first, the entry files that name
them last, then chunks no longer named are removed. ``bundles.json`` is written after every
bundle it names, and a bundle that no longer has pages is deleted only after that, so a
reader in the middle of a search never follows a name to a missing file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from site_builder.writer import write_if_changed
from transform.progress import Progress

PAGEFIND_DIR = "pagefind"
BUNDLES_FILE = "bundles.json"
ENTRY_FILE = "pagefind-entry.json"
# Per page: (size, mtime_ns) -> its bundle, so that an unchanged page is not read again.
PAGE_CACHE_FILE = ".avoin-page-bundles.json"
SCRATCH_PREFIX = ".avoin-scratch-"
# Pagefind's bundled UIs; our search page uses the JS API with its own accessible markup.
UNUSED_BUNDLE_FILES = frozenset(
    {
        "pagefind-ui.js",
        "pagefind-ui.css",
        "pagefind-modular-ui.js",
        "pagefind-modular-ui.css",
        "pagefind-component-ui.js",
        "pagefind-component-ui.css",
        "pagefind-highlight.js",
    }
)
# Written last: they decide which chunks a browser asks for.
ENTRY_POINT_FILES = (ENTRY_FILE, "pagefind.js", "pagefind-worker.js")
# A record is indexed in its own language's tree only; English pages never hold a record's
# own language.
INDEXED_TREES = ("fi", "sv")
UNDATED = "undated"
RECENT = "recent"
# A town's newest months in a bundle of their own: next month's agendas, this month's and
# last month's minutes (the harvester's 60-day window).
RECENT_MONTHS = 3
# Pagefind holds a bundle in memory (about 0.3 MiB a page, docs/scale.md): a year of a large
# city would need gigabytes, so a bundle over this many pages is split by month.
MAX_BUNDLE_PAGES = 2500
PARALLEL_RUNS = 2  # the machine's cores; each run holds a bundle, well under 1 GiB
PAGEFIND_TIMEOUT_SECONDS = 600
# Part of every bundle's digest: a change to what a bundle holds re-indexes them all.
BUNDLE_FORMAT = 2

# Bundle names become directory names and URLs: made by us from a municipality id (a slug)
# and a year, checked again here, never taken from harvested text as it is.
MUNICIPALITY_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
YEAR = re.compile(r"[0-9]{4}")
BUNDLE_NAME = re.compile(
    r"[a-z0-9]+(?:-[a-z0-9]+)*-(?:[0-9]{4}|undated|recent)(?:-(?:[0-9]{2}|nodate)(?:-[0-9]+)?)?"
)
MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")

# What a page says about its indexing, read from our own markup. Harvested text cannot
# fake these: it is escaped, so "<" and '"' in it never reach the page as they are.
_INDEXED_BODY = re.compile(rb"<[a-z]+\s[^<>]*\bdata-pagefind-body[\s>]")
_MUNICIPALITY_FILTER = re.compile(rb'\sdata-pagefind-filter="municipality:([^"]*)"')
_YEAR_FILTER = re.compile(rb'\sdata-pagefind-filter="year:([^"]*)"')
_DATE_SORT = re.compile(rb'\sdata-pagefind-sort="date:([0-9]{4}-[0-9]{2})')


class SearchIndexError(RuntimeError):
    """Pagefind failed or indexed nothing: the site would ship a search that finds nothing."""


@dataclass
class IndexReport:
    pages: int = 0
    languages: dict[str, int] = field(default_factory=dict)  # index language -> pages
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    reindexed: bool = False  # False: no bundle's pages changed, Pagefind did not run
    bundles: int = 0
    bundles_reindexed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PagePlace:
    """Where an indexed page belongs: its municipality, year (or ``UNDATED``) and month
    (``2025-03``; None when the page has no full date)."""

    municipality: str
    year: str
    month: str | None = None

    def year_bundle(self) -> str:
        return f"{self.municipality}-{self.year}"

    def recent_bundle(self) -> str:
        return f"{self.municipality}-{RECENT}"


@dataclass(frozen=True)
class PageState:
    size: int
    mtime_ns: int
    place: PagePlace | None  # None: the page is not indexed


@dataclass
class Bundle:
    name: str
    pages: list[tuple[str, PageState]] = field(default_factory=list)  # (path in the site, …)

    def digest(self) -> str:
        """What the bundle's index was built from: its pages as the file system sees them."""
        digest = hashlib.sha256(
            f"avoin bundle {BUNDLE_FORMAT}, pagefind {pagefind_version()}\n".encode()
        )
        for path, state in sorted(self.pages):
            digest.update(f"{path}\0{state.size}\0{state.mtime_ns}\n".encode())
        return digest.hexdigest()


@functools.cache
def pagefind_version() -> str:
    from importlib.metadata import version

    return version("pagefind")


def index_site(out_dir: Path) -> dict:
    """Index the built site in ``out_dir`` into ``out_dir/pagefind/``; returns the counts.

    ``{"pages": 147, "languages": {"fi": 120, "sv": 27}, "written": 0, "unchanged": 473,
    "removed": 0, "reindexed": False, "bundles": 12, "bundles_reindexed": []}``
    """
    return asdict(build_index(Path(out_dir)))


def build_index(out_dir: Path) -> IndexReport:
    site = out_dir.resolve()
    if not site.is_dir():
        raise SearchIndexError(f"{out_dir}: no built site to index")
    target = site / PAGEFIND_DIR
    target.mkdir(exist_ok=True)
    cache_file = target / PAGE_CACHE_FILE
    cache = read_page_cache(cache_file)
    states = scan_pages(site, cache)
    bundles = group_into_bundles(states)
    if not bundles:
        raise SearchIndexError(f"{out_dir}: no page to index (none has data-pagefind-body)")
    previous = read_bundle_list(target)
    report = IndexReport(bundles=len(bundles))
    stale = [
        bundle
        for name, bundle in sorted(bundles.items())
        if not _is_current(target, bundle, previous.get(name))
    ]
    indexed = index_bundles(site, target, stale, report)
    listing = [indexed.get(name) or previous[name] for name in sorted(bundles)]
    _count_listing(listing, indexed, report)
    if write_if_changed(target / BUNDLES_FILE, _bundle_list_json(listing)):
        report.written += 1
    else:
        report.unchanged += 1
    if states != cache:  # same objects when nothing was read: cheap to compare
        write_page_cache(cache_file, states)
    remove_leftovers(target, set(bundles), report)
    return report


# -- which page goes in which bundle ---------------------------------------------------------


def scan_pages(site: Path, cache: dict[str, PageState]) -> dict[str, PageState]:
    """Every page of the indexed trees (``fi/vaasa/action/1/index.html``) with its place; a
    page the cache knows by its size and mtime is not read. One loop over strings, not
    Path objects: a site has a directory per page, and this runs over all of them."""
    states = {}
    root = str(site)
    pending = [tree for tree in INDEXED_TREES if os.path.isdir(f"{root}/{tree}")]
    while pending:
        directory = pending.pop()
        with os.scandir(f"{root}/{directory}") as entries:
            for entry in entries:
                name = entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append(f"{directory}/{name}")
                elif name.endswith(".html") and entry.is_file(follow_symlinks=False):
                    path = f"{directory}/{name}"
                    stat = entry.stat(follow_symlinks=False)
                    known = cache.get(path)
                    if known and known.size == stat.st_size and known.mtime_ns == stat.st_mtime_ns:
                        states[path] = known
                    else:
                        states[path] = _read_state(entry.path, path, stat)
    return states


def _read_state(file: str, path: str, stat: os.stat_result) -> PageState:
    with open(file, "rb") as page:
        return PageState(stat.st_size, stat.st_mtime_ns, place_of_page(page.read(), path))


def place_of_page(page: bytes, path: str) -> PagePlace | None:
    """Where an indexed page belongs (``vaasa``, ``2025``, ``2025-03``); None for a page
    not indexed. Names are checked here: they become directory names and URLs."""
    if not _INDEXED_BODY.search(page):
        return None
    municipality = _first_value(_MUNICIPALITY_FILTER, page)
    if municipality is None:
        raise SearchIndexError(f"{path}: an indexed page without a municipality filter")
    year = _first_value(_YEAR_FILTER, page) or UNDATED
    bundle_name(municipality, year, path)
    month = _first_value(_DATE_SORT, page) if year != UNDATED else None
    return PagePlace(municipality, year, month if month and month[:4] == year else None)


def _first_value(pattern: re.Pattern, page: bytes) -> str | None:
    match = pattern.search(page)
    return match.group(1).decode("utf-8", "replace") if match else None


def bundle_name(municipality: str, year: str, path: str = "") -> str:
    """``vaasa-2025``: a safe path segment, or SearchIndexError."""
    if not MUNICIPALITY_ID.fullmatch(municipality):
        raise SearchIndexError(f"{path}: municipality {municipality!r} is not a safe bundle name")
    if year != UNDATED and not YEAR.fullmatch(year):
        raise SearchIndexError(f"{path}: year {year!r} is not a safe bundle name")
    return f"{municipality}-{year}"


def recent_months(places: Iterable[PagePlace]) -> dict[str, str]:
    """Municipality -> the first month of its recent bundle: ``RECENT_MONTHS`` months back
    from the newest month on its pages (``2025-03`` for a newest ``2025-05``)."""
    newest: dict[str, str] = {}
    for place in places:
        if place.month and place.month > newest.get(place.municipality, ""):
            newest[place.municipality] = place.month
    return {town: months_before(month, RECENT_MONTHS - 1) for town, month in newest.items()}


def months_before(month: str, count: int) -> str:
    """``months_before("2025-02", 2) == "2024-12"``."""
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def bundle_of(place: PagePlace, recent_from: dict[str, str]) -> str:
    """The page's bundle: its town's recent bundle when its month is in the window, else its
    year's (or undated) bundle."""
    start = recent_from.get(place.municipality)
    if place.month and start and place.month >= start:
        return place.recent_bundle()
    return place.year_bundle()


def group_into_bundles(
    states: dict[str, PageState], max_pages: int | None = None
) -> dict[str, Bundle]:
    recent_from = recent_months(state.place for state in states.values() if state.place)
    bundles: dict[str, Bundle] = {}
    for path, state in states.items():
        if state.place is not None:
            name = bundle_of(state.place, recent_from)
            bundles.setdefault(name, Bundle(name)).pages.append((path, state))
    bounded: dict[str, Bundle] = {}
    for bundle in bundles.values():
        for part in split_by_month(bundle, max_pages or MAX_BUNDLE_PAGES):
            bounded[part.name] = part
    return bounded


def split_by_month(bundle: Bundle, max_pages: int) -> list[Bundle]:
    """A bundle of at most ``max_pages`` pages as it is; a larger one in parts of whole
    months (``vaasa-2025-01``: from January; ``-nodate``: the pages without a month), each
    at most ``max_pages`` pages, a month larger than that cut in page order
    (``vaasa-2025-03-2``). Parts start at month boundaries so that a new page moves no page
    of an earlier month to another part."""
    if len(bundle.pages) <= max_pages:
        return [bundle]
    by_month: dict[str, list[tuple[str, PageState]]] = {}
    for path, state in bundle.pages:
        by_month.setdefault(state.place.month or "", []).append((path, state))
    parts: list[Bundle] = []
    current: Bundle | None = None
    for month in sorted(by_month):
        pages = sorted(by_month[month])
        if current is None or len(current.pages) + len(pages) > max_pages:
            current = Bundle(f"{bundle.name}-{month[5:7] or 'nodate'}")
            parts.append(current)
        current.pages.extend(pages)
    return [piece for part in parts for piece in _cut(part, max_pages)]


def _cut(part: Bundle, max_pages: int) -> list[Bundle]:
    """One month's pages over the bound, cut in page order into numbered pieces."""
    if len(part.pages) <= max_pages:
        return [part]
    return [
        Bundle(f"{part.name}-{number}", part.pages[start : start + max_pages])
        for number, start in enumerate(range(0, len(part.pages), max_pages), start=1)
    ]


def plan_bundles(site: Path) -> list[Bundle]:
    """The site's bundles, every page read (no cache): for measuring Pagefind by itself."""
    bundles = group_into_bundles(scan_pages(Path(site).resolve(), {}))
    return [bundles[name] for name in sorted(bundles)]


def read_page_cache(cache_file: Path) -> dict[str, PageState]:
    try:
        saved = json.loads(cache_file.read_text(encoding="utf-8"))
        if saved.get("format") != BUNDLE_FORMAT:
            return {}
        places = {}  # one PagePlace per distinct place, each checked once
        states = {}
        for path, (size, mtime_ns, place) in saved["pages"].items():
            if place is not None:
                key = tuple(place)
                if key not in places:
                    places[key] = _checked_place(*key)
                place = places[key]
            states[path] = PageState(size, mtime_ns, place)
        return states
    except (FileNotFoundError, ValueError, TypeError, KeyError, AttributeError, SearchIndexError):
        return {}  # unreadable: every page is read again, nothing worse


def _checked_place(municipality: str, year: str, month: str | None) -> PagePlace:
    """A place from the cache, its names checked as a page's are (they name directories)."""
    bundle_name(municipality, year)
    if month is not None and not (MONTH.fullmatch(month) and month[:4] == year):
        raise SearchIndexError(f"month {month!r} is not a safe bundle name")
    return PagePlace(municipality, year, month)


def write_page_cache(cache_file: Path, states: dict[str, PageState]) -> None:
    pages = {
        path: [state.size, state.mtime_ns, _place_list(state.place)]
        for path, state in sorted(states.items())
    }
    text = json.dumps({"format": BUNDLE_FORMAT, "pages": pages}, separators=(",", ":"))
    write_if_changed(cache_file, text.encode("utf-8"))


def _place_list(place: PagePlace | None) -> list | None:
    return None if place is None else [place.municipality, place.year, place.month]


# -- the bundles' listing ------------------------------------------------------------------


def read_bundle_list(target: Path) -> dict[str, dict]:
    """The bundles as last indexed (``bundles.json``), by name; {} when there is none."""
    try:
        listing = json.loads((target / BUNDLES_FILE).read_text(encoding="utf-8"))
        entries = {entry["name"]: entry for entry in listing["bundles"]}
    except (FileNotFoundError, ValueError, TypeError, KeyError):
        return {}
    return {
        name: entry
        for name, entry in entries.items()
        if isinstance(name, str)
        and BUNDLE_NAME.fullmatch(name)
        and isinstance(entry.get("languages"), dict)
        and isinstance(entry.get("files"), int)
    }


def _is_current(target: Path, bundle: Bundle, previous: dict | None) -> bool:
    return (
        previous is not None
        and previous.get("digest") == bundle.digest()
        and (target / bundle.name / ENTRY_FILE).is_file()
    )


def _bundle_list_json(listing: list[dict]) -> bytes:
    entries = [
        {key: entry[key] for key in ("name", "languages", "pages", "files", "digest")}
        for entry in listing
    ]
    return (
        json.dumps({"format": BUNDLE_FORMAT, "bundles": entries}, ensure_ascii=False, indent=1)
        + "\n"
    ).encode("utf-8")


def _count_listing(listing: list[dict], indexed: dict[str, dict], report: IndexReport) -> None:
    for entry in listing:
        for language, pages in entry["languages"].items():
            report.languages[language] = report.languages.get(language, 0) + pages
        if entry["name"] not in indexed:
            report.unchanged += entry["files"]
    report.pages = sum(report.languages.values())
    if not report.pages:
        raise SearchIndexError("Pagefind indexed no pages")


# -- running Pagefind ------------------------------------------------------------------------


def index_bundles(
    site: Path, target: Path, bundles: list[Bundle], report: IndexReport
) -> dict[str, dict]:
    """Index each bundle anew, two at a time, and copy its files into ``target/<name>/``;
    returns their listing entries by name."""
    indexed: dict[str, dict] = {}
    if not bundles:
        return indexed
    scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=target))
    pool = ThreadPoolExecutor(PARALLEL_RUNS)
    progress = Progress("search index", total=len(bundles), unit="bundles")
    try:
        runs = {pool.submit(_index_in_scratch, site, scratch, bundle): bundle for bundle in bundles}
        for run in as_completed(runs):  # copied over as each finishes, one at a time
            bundle = runs[run]
            indexed[bundle.name] = _publish_bundle(bundle, run.result(), target, report)
            shutil.rmtree(scratch / bundle.name)
            progress.advance(detail=bundle.name)
    finally:
        progress.close()
        pool.shutdown(cancel_futures=True)  # after a failure, start no other run
        shutil.rmtree(scratch, ignore_errors=True)
    report.reindexed = True
    report.bundles_reindexed = sorted(indexed)
    return indexed


def _index_in_scratch(site: Path, scratch: Path, bundle: Bundle) -> Path:
    pages = scratch / bundle.name / "site"
    link_pages(site, [path for path, _ in bundle.pages], pages)
    output = scratch / bundle.name / PAGEFIND_DIR
    run_pagefind(pages, output)
    return output


def link_pages(site: Path, paths: list[str], scratch_site: Path) -> None:
    """The pages at their paths relative to the site root: hard links, copies if need be."""
    for path in paths:
        link = scratch_site / path
        link.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / path, link)
        except OSError:  # another file system, or links not allowed
            shutil.copy2(site / path, link)


def pagefind_command(pages: Path, output: Path) -> list[str]:
    """The Pagefind binary that the ``pagefind[extended]`` wheel ships (no download)."""
    try:
        from pagefind_bin_extended import get_executable

        binary = get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexError(f"the Pagefind binary is missing: {error}") from None
    return [str(binary), "--site", str(pages), "--output-path", str(output), "--quiet"]


def run_pagefind(pages: Path, output: Path) -> None:
    result = subprocess.run(
        pagefind_command(pages, output),
        capture_output=True,
        text=True,
        timeout=PAGEFIND_TIMEOUT_SECONDS,
    )
    if result.returncode != 0 or not (output / ENTRY_FILE).is_file():
        raise SearchIndexError(
            f"pagefind failed on {pages} (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}".rstrip()
        )


def _publish_bundle(bundle: Bundle, output: Path, target: Path, report: IndexReport) -> dict:
    languages = _pages_per_language(output)
    if not sum(languages.values()):
        raise SearchIndexError(f"Pagefind indexed no pages of bundle {bundle.name}")
    files = _sync(output, target / bundle.name, report)
    return {
        "name": bundle.name,
        "languages": languages,
        "pages": sum(languages.values()),
        "files": files,
        "digest": bundle.digest(),
    }


def _pages_per_language(output: Path) -> dict[str, int]:
    entry = json.loads((output / ENTRY_FILE).read_text(encoding="utf-8"))
    return {language: info["page_count"] for language, info in entry["languages"].items()}


# -- publishing files ------------------------------------------------------------------------


def _sync(output: Path, target: Path, report: IndexReport) -> int:
    """Make ``target`` hold exactly Pagefind's output, touching only what differs; returns
    the number of files it holds."""
    produced = sorted(
        path.relative_to(output).as_posix()
        for path in output.rglob("*")
        if path.is_file() and path.name not in UNUSED_BUNDLE_FILES
    )
    # Content-named chunks first, the files that name them last.
    produced.sort(key=lambda name: name in ENTRY_POINT_FILES)
    for name in produced:
        if write_if_changed(target / name, (output / name).read_bytes()):
            report.written += 1
        else:
            report.unchanged += 1
    keep = set(produced)
    for path in sorted(target.rglob("*"), reverse=True):  # files before their directories
        name = path.relative_to(target).as_posix()
        if path.is_file() and name not in keep:
            path.unlink()
            report.removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return len(produced)


def remove_leftovers(target: Path, bundle_names: set[str], report: IndexReport) -> None:
    """Bundles that no longer have pages, files of an older layout, a killed run's scratch:
    removed once ``bundles.json`` no longer names them."""
    keep = {*bundle_names, BUNDLES_FILE, PAGE_CACHE_FILE}
    for path in sorted(target.iterdir()):
        if path.name in keep:
            continue
        if path.is_dir() and not path.is_symlink():
            report.removed += sum(1 for file in path.rglob("*") if not file.is_dir())
            shutil.rmtree(path)
        else:
            path.unlink()
            report.removed += 1
