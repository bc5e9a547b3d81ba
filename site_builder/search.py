"""The browser's search index: Pagefind run over the built site.

Pagefind reads the finished pages, not the store: what it indexes is exactly what a reader
sees. Templates mark the indexed part of a page (``data-pagefind-body``, so home, lists and
the search page itself stay out), the filters (municipality, organ, year, document kind,
outcome: ``data-pagefind-filter``) and the result metadata (``data-pagefind-meta``). Pagefind
writes one static, chunked index per UI language, chosen by each page's ``<html lang>``, so
``/sv/search/`` searches the Swedish pages only. ``pagefind.js`` loads the chunks a query
needs, piece by piece.

Re-running on an unchanged site changes nothing and costs one read of the pages: a digest
of every page Pagefind would read is kept beside the index, and when it matches, Pagefind
does not run. (Pagefind's own output is not byte-stable: its filter chunks come out in a
different order, under new names, on each run.) When pages did change, the index is built
in a scratch directory and only files whose bytes differ are copied into ``<site>/pagefind/``:
new chunks first, the entry file that names them last, then chunks no longer named are
removed, so a reader in the middle of a search never follows a name to a missing file.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

PAGEFIND_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"
# Pagefind's bundled UIs; our search page uses the JS API with its own accessible markup.
UNUSED_BUNDLE_FILES = frozenset({
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
})
# Written last: they decide which chunks a browser asks for.
ENTRY_POINT_FILES = (ENTRY_FILE, "pagefind.js", "pagefind-worker.js")
PAGEFIND_TIMEOUT_SECONDS = 600
# What the index was built from: the pages' digest. Written last, so an interrupted run
# leaves a stale digest and the next run indexes again.
INPUT_DIGEST_FILE = ".avoin-indexed-pages.sha256"


class SearchIndexError(RuntimeError):
    """Pagefind failed or indexed nothing: the site would ship a search that finds nothing."""


@dataclass
class IndexReport:
    pages: int = 0
    languages: dict[str, int] = field(default_factory=dict)  # UI language -> pages indexed
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    reindexed: bool = True  # False: the pages were as last time, Pagefind did not run


def index_site(out_dir: Path) -> dict:
    """Index the built site in ``out_dir`` into ``out_dir/pagefind/``; returns the counts.

    ``{"pages": 441, "languages": {"fi": 147, "sv": 147, "en": 147}, "written": 0,
    "unchanged": 473, "removed": 0, "reindexed": False}``
    """
    return asdict(build_index(Path(out_dir)))


def build_index(out_dir: Path) -> IndexReport:
    site = out_dir.resolve()
    if not site.is_dir():
        raise SearchIndexError(f"{out_dir}: no built site to index")
    target = site / PAGEFIND_DIR
    digest = pages_digest(site)
    if _read(target / INPUT_DIGEST_FILE) == digest and (target / ENTRY_FILE).is_file():
        report = IndexReport(languages=_pages_per_language(target), reindexed=False)
        report.pages = sum(report.languages.values())
        report.unchanged = sum(1 for path in target.rglob("*") if path.is_file()) - 1
        return report
    with tempfile.TemporaryDirectory(prefix="avoin-pagefind-") as scratch:
        bundle = Path(scratch) / PAGEFIND_DIR
        run_pagefind(site, bundle)
        report = IndexReport(languages=_pages_per_language(bundle))
        report.pages = sum(report.languages.values())
        if not report.pages:
            raise SearchIndexError(f"{out_dir}: Pagefind indexed no pages")
        _sync(bundle, target, report)
    _write_if_changed(target / INPUT_DIGEST_FILE, digest.encode("ascii"))
    return report


def pages_digest(site: Path) -> str:
    """sha256 over every page's path and bytes, and the Pagefind version that indexes them."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"pagefind {version('pagefind')}\n".encode())
    for page in sorted(site.rglob("*.html")):
        if PAGEFIND_DIR not in page.relative_to(site).parts[:1]:
            digest.update(f"{page.relative_to(site).as_posix()}\n".encode())
            digest.update(hashlib.sha256(page.read_bytes()).digest())
    return digest.hexdigest()


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="ascii")
    except FileNotFoundError:
        return None


def run_pagefind(site: Path, bundle: Path) -> None:
    """Run the Pagefind binary that the ``pagefind[extended]`` wheel ships (no download)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site),
               "--output-path", str(bundle), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True,
                            timeout=PAGEFIND_TIMEOUT_SECONDS)
    if result.returncode != 0 or not (bundle / ENTRY_FILE).is_file():
        raise SearchIndexError(f"pagefind failed (exit {result.returncode}):\n"
                               f"{result.stdout}{result.stderr}".rstrip())


def _pages_per_language(bundle: Path) -> dict[str, int]:
    entry = json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8"))
    return {language: info["page_count"] for language, info in entry["languages"].items()}


def _sync(bundle: Path, target: Path, report: IndexReport) -> None:
    """Make ``target`` hold exactly the bundle's files, touching only what differs."""
    produced = sorted(path.relative_to(bundle).as_posix() for path in bundle.rglob("*")
                      if path.is_file() and path.name not in UNUSED_BUNDLE_FILES)
    # Content-named chunks first, the files that name them last.
    produced.sort(key=lambda name: name in ENTRY_POINT_FILES)
    for name in produced:
        if _write_if_changed(target / name, (bundle / name).read_bytes()):
            report.written += 1
        else:
            report.unchanged += 1
    keep = {*produced, INPUT_DIGEST_FILE}
    for path in sorted(target.rglob("*"), reverse=True):  # files before their directories
        name = path.relative_to(target).as_posix()
        if path.is_file() and name not in keep:
            path.unlink()
            report.removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _write_if_changed(target: Path, data: bytes) -> bool:
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # served files are world-readable
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
    return True
