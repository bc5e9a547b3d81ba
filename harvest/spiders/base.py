"""What every platform spider shares: fetch, hand the bytes to the pipeline, follow links.

A spider subclass only says where to start and which page kinds lead to which. Parsing
stays in harvest/platforms (the spider asks the parser for a page's links, nothing else).
"""

from __future__ import annotations

import logging

import scrapy
from scrapy.exceptions import DownloadConnectionRefusedError, DownloadTimeoutError
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TimeoutError

from harvest.incremental import FetchPolicy
from harvest.platforms import ParseError
from harvest.platforms.page import link_to
from harvest.platforms.sections import confidentiality_reason
from harvest.robots import NOFOLLOW, NOINDEX, page_directives
from harvest.sources import Source
from transform.parse_limits import LimitedParser, ParseLimits
from transform.raw import SnapshotError, load_snapshot
from transform.schema import PageKind
from transform.store import Store

logger = logging.getLogger(__name__)

# Listing pages and the records they list. An organ list that lists nothing, or a source
# whose meeting lists are all empty, means the layout changed: a failure of the source,
# never "zero decisions". (One organ without meetings is normal.)
LISTED = {
    PageKind.ORGANIZATIONS: "organizations",
    PageKind.MEETINGS: "meetings",
}


class PlatformSpider(scrapy.Spider):
    """Walks one municipality's site. Subclasses set ``platform``, ``start_pages``, ``follows``."""

    platform: str = ""
    start_pages: tuple[tuple[PageKind, str], ...] = ()
    # page kind -> the kinds of links found on it that we fetch next
    follows: dict[PageKind, tuple[PageKind, ...]] = {}

    def __init__(self, source: Source, parse_limits: ParseLimits | None = None, **kwargs):
        super().__init__(name=f"{self.platform}-{source.id}", **kwargs)
        self.source = source
        self.policy: FetchPolicy | None = None
        self.store: Store | None = None
        # Pages are read for their links within the same limits as in transform.
        self.parser = LimitedParser(parse_limits)

    def open_fetch_policy(self):
        """Incremental harvesting needs to know what we fetched before (the store)."""
        settings = self.crawler.settings
        if settings.getbool("AVOIN_INCREMENTAL", True):
            self.store = Store(settings["AVOIN_STORE_PATH"])
            self.policy = FetchPolicy(
                self.store, recent_days=settings.getint("AVOIN_RECENT_DAYS", 60)
            )

    async def start(self):
        self.open_fetch_policy()
        if not self.source.obey_robots:
            logger.warning(
                "%s: robots.txt is ignored for this source by configuration", self.source.id
            )
        for page_kind, path in self.start_pages:
            yield self.page_request(page_kind, self.source.base_url + path)

    def page_request(self, page_kind, url, *, method="GET", body=None, context=None):
        previous = self.policy.previous(url, method, body) if self.policy else None
        meta = {
            "page_kind": str(page_kind),
            "context": context or {},
            "dont_obey_robotstxt": not self.source.obey_robots,
            "previous": previous,
            "handle_httpstatus_list": [304],
        }
        headers = FetchPolicy.conditional_headers(previous)
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return scrapy.Request(
            url,
            method=method,
            body=body,
            headers=headers,
            meta=meta,
            callback=self.parse_page_response,
            errback=self.failed_request,
            dont_filter=False,
        )

    def parse_page_response(self, response):
        page_kind = PageKind(response.meta["page_kind"])
        instead = self.check_page(response, page_kind)
        if instead is not None:  # not the page asked for: neither saved nor followed
            yield from instead
            return
        previous = response.meta.get("previous")
        item = self.page_item(response, page_kind)
        body = response.body
        if response.status == 304:
            # Unchanged since last time: log it, and read its links from the old bytes.
            self.crawler.stats.inc_value("avoin/not_modified")
            item.update(body=None, not_modified=True, sha256=previous and previous["sha256"])
            body = self.previous_body(previous)
        forbidden = self.forbidden_by_page(response, body, item["media_type"])
        if NOINDEX in forbidden:
            self.count_error("robots_noindex", response.url, "the page says noindex")
            yield self.failure_item(
                response.request,
                response.status,
                "robots_noindex: the page says noindex (not saved)",
            )
        else:
            yield item
        wanted = self.follows.get(page_kind, ())
        if body is None or (not wanted and page_kind not in LISTED):
            return
        if NOFOLLOW in forbidden:
            self.count_error("robots_nofollow", response.url, "the page says nofollow")
            return
        changed = FetchPolicy.changed(previous, response.status, response.body)
        yield from self.follow_links(
            response.url, page_kind, response.meta["context"], wanted, body, changed
        )

    def forbidden_by_page(self, response, body, media_type) -> frozenset[str]:
        """noindex / nofollow that the page states, when this source obeys robots."""
        if not self.source.obey_robots:
            return frozenset()
        return page_directives(
            body, header=_header(response, b"X-Robots-Tag"), media_type=media_type
        )

    def walk_known(self, link):
        """A known page we do not fetch again may still lead to pages we lack (a harvest
        killed half way, a document that failed last night): walk our stored copy."""
        page_kind = PageKind(link["page_kind"])
        wanted = self.follows.get(page_kind, ())
        if not wanted:
            return
        previous = self.policy.previous(link["url"], link.get("method") or "GET", link.get("body"))
        body = self.previous_body(previous)
        if body is not None:
            yield from self.follow_links(
                link["url"],
                page_kind,
                link.get("context") or {},
                wanted,
                body,
                changed=False,
                stored=True,
            )

    def previous_body(self, previous) -> bytes | None:
        raw_dir = self.crawler.settings["AVOIN_RAW_DIR"]
        try:
            return load_snapshot(raw_dir, previous["sha256"]) if previous else None
        except SnapshotError as error:
            self.count_error("snapshot_missing", previous["url"], error)
            return None

    def follow_links(self, url, page_kind, context, wanted, body, changed, *, stored=False):
        """Request the links worth fetching; ``stored`` = the page is our old copy."""
        try:
            result = self.parser.parse(self.platform, page_kind, body, url, self.source.id, context)
        except ParseError as error:
            if not stored:
                self.count_error("parse_error", url, error)
            return
        if not stored:  # an old copy's problems were counted when it was fetched
            for error in result.get("errors", ()):
                self.count_error("row_error", url, error)
            self.count_listing(page_kind, url, result)
        files = attachment_file_links(result)
        if PageKind.ATTACHMENT_FILE in wanted and not stored:
            withheld = withheld_attachments(result)
            if withheld:
                self.crawler.stats.inc_value("avoin/attachments/withheld", withheld)
        for link in [*result.get("links", ()), *files]:
            if PageKind(link["page_kind"]) not in wanted:
                continue
            if self.policy and not self.policy.should_fetch(
                link, parent_changed=changed, result=result
            ):
                self.crawler.stats.inc_value("avoin/skipped_known")
                yield from self.walk_known(link)
                continue
            yield self.page_request(
                link["page_kind"],
                link["url"],
                method=link.get("method") or "GET",
                body=link.get("body"),
                context=link.get("context"),
            )

    def count_listing(self, page_kind, url, result):
        records = LISTED.get(page_kind)
        if records is None:
            return
        outcome = "nonempty" if result.get(records) else "empty"
        self.crawler.stats.inc_value(f"avoin/listings/{page_kind}/{outcome}")
        if page_kind == PageKind.ORGANIZATIONS and outcome == "empty":
            self.count_error("empty_listing", url, "organ list yielded no organs: layout changed?")

    def closed(self, reason):
        self.parser.close()
        if self.store is not None:
            self.store.close()
        stats = self.crawler.stats
        meeting_lists = f"avoin/listings/{PageKind.MEETINGS}/"
        if stats.get_value(meeting_lists + "empty") and not stats.get_value(
            meeting_lists + "nonempty"
        ):
            self.count_error(
                "empty_listing",
                self.source.base_url,
                "every meeting list was empty: layout changed?",
            )

    def page_item(self, response, page_kind):
        request = response.request
        return {
            "municipality": self.source.id,
            "platform": self.platform,
            "page_kind": str(page_kind),
            "url": response.url,
            "method": request.method,
            "request_body": request.body.decode("utf-8", "replace") if request.body else None,
            "context": response.meta["context"],
            "status": response.status,
            "body": response.body,
            "media_type": _header(response, b"Content-Type"),
            "etag": _header(response, b"ETag"),
            "last_modified": _header(response, b"Last-Modified"),
        }

    def check_page(self, response, page_kind):
        """Hook for platforms whose server may answer with another page than the one asked
        for: None when the response is right, else what to yield instead (a retry, a
        failure_item)."""
        return None

    def failed_request(self, failure):
        request = failure.request
        status = failure.value.response.status if failure.check(HttpError) else None
        kind = _failure_kind(failure)
        self.count_error(kind, request.url, failure.getErrorMessage())
        yield self.failure_item(request, status, f"{kind}: {failure.getErrorMessage()}")

    def failure_item(self, request, status, error):
        """The harvest-log entry of a request that brought no usable page."""
        return {
            "municipality": self.source.id,
            "platform": self.platform,
            "page_kind": request.meta.get("page_kind"),
            "url": request.url,
            "method": request.method,
            "request_body": request.body.decode("utf-8", "replace") if request.body else None,
            "context": request.meta.get("context", {}),
            "status": status,
            "body": None,
            "error": error[:500],
        }

    def count_error(self, kind, url, message):
        logger.warning("%s: %s at %s: %s", self.source.id, kind, url, message)
        self.crawler.stats.inc_value(f"avoin/errors/{kind}")
        errors = self.crawler.stats.get_value("avoin/error_samples") or []
        if len(errors) < 20:
            errors.append(f"{kind}: {url}: {message}"[:300])
            self.crawler.stats.set_value("avoin/error_samples", errors)


def attachment_file_links(result: dict) -> list[dict]:
    """Links to the files of the public attachments a page lists. A withheld attachment has
    no url (harvest/platforms/sections.py attachment_record), and a name that says "ei
    julkinen" / "sekretessbelagd" is checked again here: such a file is never requested."""
    links = []
    for action in result.get("actions") or ():
        for attachment in action.get("attachments") or ():
            url = attachment.get("url")
            if not url or attachment.get("public") is not True:
                continue
            if confidentiality_reason(attachment.get("name") or ""):
                continue
            context = {"action": action.get("id"), "attachment_url": url}
            links.append(link_to(PageKind.ATTACHMENT_FILE, url, context))
    return links


def withheld_attachments(result: dict) -> int:
    """Attachments the page lists as not public (we never ask for their files)."""
    return sum(
        1
        for action in result.get("actions") or ()
        for attachment in action.get("attachments") or ()
        if attachment.get("public") is False
    )


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _failure_kind(failure) -> str:
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(ConnectionRefusedError, DNSLookupError, DownloadConnectionRefusedError):
        return "source_down"
    if failure.check(TimeoutError, DownloadTimeoutError):
        return "timeout"
    return type(failure.value).__name__
