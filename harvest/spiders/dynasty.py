"""Innofactor Dynasty, both generations: organs -> meeting lists -> meetings -> items (+ PDFs).

The generation follows from the source's base_url: one ending in ``kokous/`` is a static
export (``TELIMET.HTM`` ...); any other is the CGI interface at ``base_url +
"cgi/DREQUEST.PHP"``, which also serves officeholder decisions and RSS feeds (the feeds lead
to new items, their meetings and new decisions).

The CGI keeps state per session and sometimes answers an item request with another item.
Such a page is not saved: the request is made once more in a fresh session (a cookie jar
of its own); a second wrong answer is logged as a failed request of that item.
"""

from __future__ import annotations

from itertools import count

from harvest.platforms import dynasty
from harvest.spiders.base import PlatformSpider
from transform.schema import PageKind, Platform

STATIC_EXPORT_SUFFIX = "kokous/"
CGI = "cgi/DREQUEST.PHP?page="
FEED_SIZE = 30


class DynastySpider(PlatformSpider):
    platform = Platform.DYNASTY
    follows = {
        # organs -> their meeting lists; offices -> their decision lists
        PageKind.ORGANIZATIONS: (PageKind.MEETINGS, PageKind.MEETING),
        # meeting lists -> meetings; feeds -> meetings, items, decisions
        PageKind.MEETINGS: (PageKind.MEETING, PageKind.ACTION),
        PageKind.MEETING: (PageKind.ACTION,),  # items, decisions
        # an item page -> its PDF and its public attachments' files
        PageKind.ACTION: (PageKind.ACTION, PageKind.ATTACHMENT_FILE),
    }

    def __init__(self, source, **kwargs):
        super().__init__(source, **kwargs)
        self._fresh_sessions = count(1)

    @property
    def start_pages(self):
        if self.source.base_url.endswith(STATIC_EXPORT_SUFFIX):
            return ((PageKind.ORGANIZATIONS, "TELIMET.HTM"),)
        return (
            (PageKind.ORGANIZATIONS, CGI + "meeting_frames"),
            (PageKind.ORGANIZATIONS, CGI + "official_frames"),
            (PageKind.MEETINGS, f"{CGI}rss/meetingitems&show={FEED_SIZE}"),
            (PageKind.MEETINGS, f"{CGI}rss/meetings&show={FEED_SIZE}"),
            (PageKind.MEETINGS, f"{CGI}rss/official_decisions&show={FEED_SIZE}"),
        )

    def check_page(self, response, page_kind):
        """An item or decision page must be the one asked for (see the module docstring)."""
        if page_kind is not PageKind.ACTION or response.status != 200:
            return None
        asked, declared = dynasty.page_identity(response.body, response.url)
        if not asked or not declared or asked == declared:
            return None
        wrong = f"asked for item {asked}, the page is item {declared}"
        if response.meta.get("fresh_session"):
            self.count_error("wrong_item", response.url, f"{wrong} again; not saved")
            return [self.failure_item(response.request, response.status, f"wrong_item: {wrong}")]
        self.count_error("wrong_item_retried", response.url, f"{wrong}; asking again")
        return [self.in_fresh_session(response.request)]

    def in_fresh_session(self, request):
        jar = f"fresh-session-{next(self._fresh_sessions)}"
        meta = {**request.meta, "cookiejar": jar, "fresh_session": True}
        return request.replace(meta=meta, dont_filter=True)
