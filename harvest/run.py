"""Runs the spiders of several municipalities in one process and reports per source.

One broken source never stops the others: each municipality is its own crawler, and
its failures are counted in its own report.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import CrawlerProcess

from harvest.settings import scrapy_settings
from harvest.sources import UNKNOWN_PLATFORM, Source
from harvest.spiders import spider_for
from transform.parse_limits import ParseLimits
from transform.progress import Progress

logger = logging.getLogger(__name__)


@dataclass
class SourceReport:
    municipality: str
    platform: str
    pages_saved: int = 0
    pages_unchanged: int = 0  # 304 Not Modified
    skipped_known: int = 0  # links not fetched again (incremental harvest)
    requests: int = 0  # every request sent, robots.txt and retries included
    requests_failed: int = 0
    attachments_fetched: int = 0  # public attachments' files saved this run
    attachments_failed: int = 0  # requested, no file (404, timeout, ...)
    attachments_withheld: int = 0  # listed as not public on the pages read: never requested
    errors: dict[str, int] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    skipped: str | None = None
    robots_ignored: bool = False
    permission: str = ""  # why robots may be ignored (sources.toml), shown in the report

    @property
    def ok(self) -> bool:
        reached = self.pages_saved + self.pages_unchanged > 0
        return self.skipped is None and reached and not self._fatal_errors()

    def _fatal_errors(self) -> bool:
        # A listing that parses to nothing, or a site we could not reach at all, fails the source.
        fatal = {"empty_listing", "parse_error", "source_down"}
        return any(self.errors.get(kind) for kind in fatal)

    def as_dict(self) -> dict:
        return {
            "municipality": self.municipality,
            "platform": self.platform,
            "ok": self.ok,
            "pages_saved": self.pages_saved,
            "requests_failed": self.requests_failed,
            "requests": self.requests,
            "pages_unchanged": self.pages_unchanged,
            "skipped_known": self.skipped_known,
            "attachments_fetched": self.attachments_fetched,
            "attachments_failed": self.attachments_failed,
            "attachments_withheld": self.attachments_withheld,
            "errors": dict(self.errors),
            "error_samples": list(self.error_samples),
            "skipped": self.skipped,
            "robots_ignored": self.robots_ignored,
            "permission": self.permission,
        }


def harvest_sources(
    sources: list[Source],
    *,
    user_agent: str,
    store_path: str,
    raw_dir: str,
    run_id: int,
    host_map: dict[str, str] | None = None,
    incremental: bool = True,
    download_timeout: float | None = None,
    parse_limits: ParseLimits | None = None,
) -> list[SourceReport]:
    """Crawl every harvestable source; return one report per source (skipped ones too).
    Pages are read for their links within ``parse_limits`` (transform/parse_limits.py)."""

    def settings_for(source: Source) -> dict:
        return scrapy_settings(
            user_agent=user_agent,
            store_path=store_path,
            raw_dir=raw_dir,
            run_id=run_id,
            host_map=host_map,
            incremental=incremental,
            download_timeout=download_timeout,
            loopback=bool(host_map) or _is_loopback(source.base_url),
        )

    process = CrawlerProcess({"LOG_INSTALL_ROOT_HANDLER": False, "LOG_LEVEL": "WARNING"})
    reports, crawlers = [], []
    for source in sources:
        report = SourceReport(
            source.id,
            source.platform,
            robots_ignored=not source.obey_robots,
            permission=source.permission,
        )
        reports.append(report)
        spider_class = spider_for(source.platform)
        if not source.harvestable:
            report.skipped = "no base_url in sources.toml (unconfirmed)"
        elif source.platform == UNKNOWN_PLATFORM:
            report.skipped = "platform unknown (avoin sources --check finds it)"
        elif spider_class is None:
            report.skipped = f"no harvester for platform {source.platform!r} yet"
        else:
            # Each source gets its own settings (a loopback replay needs no politeness delay).
            configured = type(
                spider_class.__name__, (spider_class,), {"custom_settings": settings_for(source)}
            )
            crawler = process.create_crawler(configured)
            crawlers.append((report, crawler))
            process.crawl(crawler, source=source, parse_limits=parse_limits)
    if crawlers:
        with Progress("harvest", unit="responses") as progress:
            for report, crawler in crawlers:
                crawler.signals.connect(
                    _counter(progress, report.municipality),
                    signal=signals.response_received,
                    weak=False,
                )
            process.start()
    for report, crawler in crawlers:
        _fill_report(report, crawler.stats.get_stats())
    return reports


def _counter(progress: Progress, municipality: str):
    def count_response(**_signal_arguments) -> None:
        progress.advance(detail=municipality)

    return count_response


def _is_loopback(url: str) -> bool:
    """A server on this machine is one of ours (a replay server): no need to wait for it."""
    return urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")


def _fill_report(report: SourceReport, stats: dict) -> None:
    report.pages_saved = stats.get("avoin/pages_saved", 0)
    report.requests = stats.get("downloader/request_count", 0)
    report.pages_unchanged = stats.get("avoin/pages_unchanged", 0)
    report.skipped_known = stats.get("avoin/skipped_known", 0)
    report.requests_failed = stats.get("avoin/requests_failed", 0)
    report.attachments_fetched = stats.get("avoin/attachments/fetched", 0)
    report.attachments_failed = stats.get("avoin/attachments/failed", 0)
    report.attachments_withheld = stats.get("avoin/attachments/withheld", 0)
    prefix = "avoin/errors/"
    report.errors = {k[len(prefix) :]: v for k, v in stats.items() if k.startswith(prefix)}
    report.error_samples = stats.get("avoin/error_samples", [])
    robots_forbidden = stats.get("robotstxt/forbidden", 0)
    if robots_forbidden:
        report.errors["robots_forbidden"] = robots_forbidden
