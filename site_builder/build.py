"""Store -> static site, once per UI language (``fi/``, ``sv/``, ``en/``), plus feeds,
sitemaps, robots.txt, the stylesheet and a root page that sends visitors to ``fi/``.

The store is read one municipality at a time, each record through the publishing rules
(published.py), so memory grows with the largest municipality, not with the archive.
Every page is rendered on every build; the writer replaces only files whose bytes changed
and deletes the pages of records that are gone, so an incremental build and a full build
leave identical trees.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from site_builder import i18n, search_text
from site_builder.downloads import group_dumps, read_dump_index, schema_tables_if_available
from site_builder.fingerprints import FINGERPRINT_FILE, PageFingerprints, code_digest
from site_builder.parallel import GroupSettings, build_groups
from site_builder.paths import (
    ABOUT_PAGE,
    DOWNLOADS_PAGE,
    INDEX_FILE,
    NOT_FOUND_FILE,
    SCHEMA_PAGE,
    SEARCH_PAGE,
    STATIC_DIR,
    STATUS_PAGE,
    SiteUrls,
)
from site_builder.published import PublishedStore
from site_builder.regions import towns_and_regions, with_welfare_links
from site_builder.renderer import TEMPLATES_DIR, PageRenderer, search_page_available
from site_builder.sitemap import SitemapCollector, robots_txt
from site_builder.status import archive_reach, status_context
from site_builder.topic_pages import build_topic_pages
from site_builder.writer import SiteWriter
from transform.analysis import warn_if_degraded
from transform.publishing import REDACTION_KEYS, PublishingPolicy

STATIC_SOURCE_DIR = TEMPLATES_DIR / "static"
LATEST_DECISIONS_ON_HOME = 50
# Pages over this many bytes fail the quality bar (tests); the report names them.
PAGE_SIZE_LIMIT = 200_000


@dataclass
class BuildReport:
    """What a build did: files written because they changed, files left as they were,
    stale files deleted, records the publishing rules withheld, what they removed
    (``redactions``: transform.publishing.REDACTION_KEYS -> count, zeros included) and
    how many entries the takedown list has (never their ids)."""

    written_paths: list[str] = field(default_factory=list)
    unchanged_paths: list[str] = field(default_factory=list)
    deleted_paths: list[str] = field(default_factory=list)
    withheld: int = 0
    oversized_paths: list[str] = field(default_factory=list)
    redactions: dict[str, int] = field(default_factory=dict)
    takedowns: int = 0

    @property
    def written(self) -> int:
        return len(self.written_paths)

    @property
    def unchanged(self) -> int:
        return len(self.unchanged_paths)

    @property
    def deleted(self) -> int:
        return len(self.deleted_paths)

    @property
    def pages(self) -> int:
        """All files the build produced, changed or not."""
        return self.written + self.unchanged

    def __str__(self) -> str:
        summary = f"{self.pages} files, {self.written} written, {self.unchanged} unchanged"
        if self.deleted:
            summary += f", {self.deleted} stale deleted"
        if self.withheld:
            summary += f", {self.withheld} records withheld by publishing rules"
        # "takedown" counts the withheld records again: said just above.
        redacted = [
            f"{count} {key}"
            for key, count in self.redactions.items()
            if count and key != "takedown"
        ]
        if redacted:
            summary += f"; redacted: {', '.join(redacted)}"
        if self.oversized_paths:
            summary += f"; {len(self.oversized_paths)} pages over {PAGE_SIZE_LIMIT} bytes"
        return summary


def build_site(
    store,
    out_dir: Path,
    *,
    base_url: str = "/",
    generated_at: datetime | str | None = None,
    policy: PublishingPolicy | None = None,
    status: dict | None = None,
    workers: int | None = None,
) -> BuildReport:
    """Build the whole site from ``store`` into ``out_dir``.

    ``generated_at`` is shown on the home pages only. ``policy`` defaults to the one in
    configuration (takedowns, retention of personal data, today's date). ``status`` is the
    nightly run's report (``NightlyReport.as_dict()``) for the status page; without it the
    page says no report is available yet (site_builder/status.py). ``workers``: processes
    that build municipalities side by side (default: one per core for a large archive,
    see site_builder/parallel.py).
    """
    policy = policy or PublishingPolicy.load()
    published = PublishedStore(store, policy)
    municipalities = with_welfare_links(
        sorted(published.municipalities(), key=lambda record: record["id"])
    )
    writer = SiteWriter(out_dir)
    warn_if_degraded()  # the search index without base forms: said on every build
    settings = GroupSettings(
        base_url,
        [m["id"] for m in municipalities],
        policy,
        code_digest(TEMPLATES_DIR, base_url, search_page_available(), search_text.signature()),
    )
    fingerprints = PageFingerprints(writer.out_dir, settings.fingerprint_salt)
    renderer = PageRenderer(SiteUrls(base_url, settings.municipality_ids), writer, fingerprints)
    sitemap = SitemapCollector()
    groups = build_groups(store, writer.out_dir, settings, municipalities, workers)
    for group in groups:
        group.merge_into(writer, renderer, sitemap, published)
    # After every municipality: the publishing rules have seen every record by now.
    redactions = {key: published.redactions[key] for key in REDACTION_KEYS}
    takedowns = len(published.policy.takedowns)
    _build_site_pages(
        renderer,
        sitemap,
        municipalities,
        published.policy,
        {
            "latest_actions": latest_decisions(
                latest for group in groups for latest in group.latest_actions
            ),
            "generated_at": generated_at,
        },
        status_context(status, redactions, takedowns, archive_reach(store.meetings())),
    )
    build_topic_pages(
        renderer,
        sitemap,
        municipalities,
        {town: topics for group in groups for town, topics in group.topic_items.items()},
    )
    sitemap.write(writer, renderer.urls)
    writer.write_text("robots.txt", robots_txt(renderer.urls))
    _copy_static_files(writer)
    writer.write_text(FINGERPRINT_FILE, renderer.fingerprints.as_text())
    writer.finish()
    published.save()
    return BuildReport(
        writer.written,
        writer.unchanged,
        writer.deleted,
        published.withheld,
        _oversized(writer),
        redactions,
        takedowns,
    )


def _build_site_pages(
    renderer: PageRenderer,
    sitemap: SitemapCollector,
    municipalities: list[dict],
    policy: PublishingPolicy,
    home_context: dict,
    status_page_context: dict,
) -> None:
    """The pages that are not about one record: home, about, downloads, schema, search,
    status, 404."""
    renderer.shared_context["municipalities"] = municipalities
    towns, regions = towns_and_regions(municipalities)
    renderer.render(
        INDEX_FILE, "index.html", {**home_context, "towns": towns, "welfare_regions": regions}
    )
    renderer.render(ABOUT_PAGE, "about.html", {"retention_days": policy.retention_days})
    schema_tables = schema_tables_if_available()
    dumps = read_dump_index(renderer.writer.out_dir)
    whole_archive, towns = group_dumps(dumps) if dumps else ([], [])
    renderer.render(
        DOWNLOADS_PAGE,
        "downloads.html",
        {
            "dumps": dumps,
            "whole_archive": whole_archive,
            "towns": towns,
            "schema_available": bool(schema_tables),
        },
    )
    renderer.render(STATUS_PAGE, "status.html", status_page_context)
    site_pages = [INDEX_FILE, ABOUT_PAGE, DOWNLOADS_PAGE, STATUS_PAGE]
    if schema_tables:
        renderer.render(SCHEMA_PAGE, "schema.html", {"tables": schema_tables})
        site_pages.append(SCHEMA_PAGE)
    if renderer.search_available:
        renderer.render(SEARCH_PAGE, "search.html", {})
        site_pages.append(SEARCH_PAGE)
    renderer.render(NOT_FOUND_FILE, "404.html", {})
    # Web servers answer any missing path with the root 404.html: the Finnish one, which
    # like every page links to its Swedish and English versions.
    renderer.render_one(i18n.DEFAULT_LANGUAGE, NOT_FOUND_FILE, "404.html", {}, NOT_FOUND_FILE)
    renderer.render_one(i18n.DEFAULT_LANGUAGE, INDEX_FILE, "root.html", {}, INDEX_FILE)
    for path in site_pages:
        sitemap.add(None, path)


def latest_decisions(action_lists: Iterable[list[dict]]) -> list[dict]:
    """The newest actions across municipalities: date descending, agenda order within a day."""
    merged = sorted(
        itertools.chain.from_iterable(action_lists),
        key=lambda action: (action.get("ordering") is None, action.get("ordering") or 0),
    )
    merged.sort(key=lambda action: action.get("date") or "", reverse=True)  # stable: keeps order
    return merged[:LATEST_DECISIONS_ON_HOME]


def _oversized(writer: SiteWriter) -> list[str]:
    return [
        path
        for path in writer.written + writer.unchanged
        if path.endswith(".html") and writer.size_of(path) > PAGE_SIZE_LIMIT
    ]


def _copy_static_files(writer: SiteWriter) -> None:
    for source in sorted(STATIC_SOURCE_DIR.iterdir()):
        if source.is_file():
            writer.write_text(f"{STATIC_DIR}/{source.name}", source.read_text(encoding="utf-8"))
