"""Municipalities built side by side, one process per core.

Rendering is CPU-bound Python, so a build uses one core unless it is split across
processes. Municipalities share nothing but the site's own pages (home, search, sitemaps),
so each group of municipalities is built by a process of its own, with its own store
connection, publishing rules and writer, into the same output directory (different
subtrees). What each group did comes back as plain data (``GroupResult``) and the main
process merges it before building the shared pages and deleting stale files.

A small archive is built in the calling process: starting processes costs more than it
saves there, and the tests' in-memory stores cannot be reopened by path.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.fingerprints import PageFingerprints
from site_builder.municipality_pages import build_municipality_pages
from site_builder.paths import SiteUrls
from site_builder.published import PublishedStore
from site_builder.renderer import PageRenderer
from site_builder.sitemap import SitemapCollector
from site_builder.writer import SiteWriter
from transform.publishing import PublishingPolicy

# Below this many actions one process builds everything (process start-up is ~1 s).
PARALLEL_MIN_ACTIONS = 5_000


@dataclass
class GroupSettings:
    base_url: str
    municipality_ids: list[str]
    policy: PublishingPolicy
    fingerprint_salt: str


@dataclass
class GroupResult:
    """What building a group of municipalities produced, to be merged by the main process."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    produced: dict[str, int] = field(default_factory=dict)
    sitemap: dict[str, list] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)
    latest_actions: list[list[dict]] = field(default_factory=list)
    # municipality id -> topic id -> the town's latest items of that topic
    topic_items: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    redactions: collections.Counter = field(default_factory=collections.Counter)
    withheld: int = 0
    municipality_by_id: dict = field(default_factory=dict)
    organization_by_id: dict = field(default_factory=dict)

    def merge_into(
        self,
        writer: SiteWriter,
        renderer: PageRenderer,
        sitemap: SitemapCollector,
        published: PublishedStore,
    ) -> None:
        writer.adopt(self.written, self.unchanged, self.produced)
        for group, entries in self.sitemap.items():
            sitemap.groups[group].extend(entries)
        renderer.fingerprints.current.update(self.fingerprints)
        renderer.shared_context["municipality_by_id"].update(self.municipality_by_id)
        renderer.shared_context["organization_by_id"].update(self.organization_by_id)
        published.redactions.update(self.redactions)
        published.withheld += self.withheld


def build_groups(
    store,
    out_dir: Path,
    settings: GroupSettings,
    municipalities: list[dict],
    workers: int | None = None,
) -> list[GroupResult]:
    """Every municipality's pages, in ``workers`` processes when that pays."""
    groups = _groups(store, municipalities, workers)
    if len(groups) < 2:
        return [build_group(store, out_dir, settings, municipalities)]
    # spawn, not fork: the caller may hold threads (the harvester) and an open database.
    context = multiprocessing.get_context("spawn")
    with context.Pool(len(groups)) as pool:
        return pool.starmap(
            _build_group_in_process,
            [(str(store.path), out_dir, settings, group) for group in groups],
        )


def build_group(
    store, out_dir: Path, settings: GroupSettings, municipalities: list[dict]
) -> GroupResult:
    published = PublishedStore(store, settings.policy)
    writer = SiteWriter(out_dir)
    renderer = PageRenderer(
        SiteUrls(settings.base_url, settings.municipality_ids),
        writer,
        PageFingerprints(writer.out_dir, settings.fingerprint_salt),
    )
    sitemap = SitemapCollector()
    # Words the dumps or an earlier build analysed are not analysed again (saved with
    # the published forms, new ones included).
    published.keyword_memo.recall_analyses()
    built = [
        build_municipality_pages(published.municipality_records(municipality), renderer, sitemap)
        for municipality in municipalities
    ]
    published.save()
    return GroupResult(
        written=writer.written,
        unchanged=writer.unchanged,
        produced=writer.produced,
        sitemap=dict(sitemap.groups),
        fingerprints=renderer.fingerprints.current,
        latest_actions=[latest for latest, _ in built],
        topic_items={
            municipality["id"]: topics
            for municipality, (_, topics) in zip(municipalities, built, strict=True)
        },
        redactions=published.redactions,
        withheld=published.withheld,
        municipality_by_id=renderer.shared_context["municipality_by_id"],
        organization_by_id=renderer.shared_context["organization_by_id"],
    )


def _build_group_in_process(
    store_path: str, out_dir: Path, settings: GroupSettings, municipalities: list[dict]
) -> GroupResult:
    from transform.store import Store

    with Store(store_path) as store:
        return build_group(store, out_dir, settings, municipalities)


def _groups(store, municipalities: list[dict], workers: int | None) -> list[list[dict]]:
    """Municipalities in ``workers`` groups of about equal size (largest first, each into
    the smallest group so far); one group when the archive is small."""
    sizes = _actions_per_municipality(store)
    if workers is None:
        workers = (os.cpu_count() or 1) if sum(sizes.values()) >= PARALLEL_MIN_ACTIONS else 1
    workers = min(workers, len(municipalities))
    if workers < 2 or not hasattr(store, "path"):
        return [municipalities]
    groups: list[list[dict]] = [[] for _ in range(workers)]
    totals = [0] * workers
    for municipality in sorted(municipalities, key=lambda m: -sizes.get(m["id"], 0)):
        smallest = totals.index(min(totals))
        groups[smallest].append(municipality)
        totals[smallest] += sizes.get(municipality["id"], 0)
    # Each group in the store's order, so a parallel build writes what a serial one does.
    order = {municipality["id"]: index for index, municipality in enumerate(municipalities)}
    return [sorted(group, key=lambda m: order[m["id"]]) for group in groups if group]


def _actions_per_municipality(store) -> dict[str, int]:
    if not hasattr(store, "action_states"):
        return {}
    return collections.Counter(state["id"].partition(":")[0] for state in store.action_states())
