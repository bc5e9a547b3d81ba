"""Which pages a nightly harvest fetches again, and how (conditional requests).

The rules, so that a night after a quiet day costs one request per listing:

- Listing pages (organ lists, meeting lists, feeds) are always requested, conditionally
  (If-None-Match / If-Modified-Since) when the server gave validators before.
- A listing that is unchanged (304, or byte-identical to the last good fetch) lists
  nothing new: only links never fetched well before are followed (that is how a killed
  harvest resumes, and how a document that failed last night is retried), and the pages
  of dated meetings within the recent window are re-checked, conditionally (a meeting
  page that drops an item does not change its meeting list).
- A changed listing: links never fetched well are followed; a known page is re-checked
  (conditionally) only when it may have changed: a meeting within the recent window
  (default 60 days, which also covers agendas of meetings still to come: the window
  reaches into the future) and the documents of such a meeting when its page changed.
- Known documents of older meetings are never fetched again.
- An attachment's file is fetched once, whatever its item does: its bytes are kept.

"Fetched well" = a 200/304 whose bytes parsed (Store.last_good_fetch).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from transform.schema import PageKind

LISTINGS = {PageKind.ORGANIZATIONS, PageKind.MEETINGS}
DEFAULT_RECENT_DAYS = 60


class FetchPolicy:
    def __init__(self, store, *, recent_days: int = DEFAULT_RECENT_DAYS, now=None):
        self.store = store
        self.recent = timedelta(days=recent_days)
        self.now = now or datetime.now(UTC)

    def previous(self, url: str, method: str, body: str | None) -> dict | None:
        return self.store.last_good_fetch(url, method, body)

    @staticmethod
    def conditional_headers(previous: dict | None) -> dict[str, str]:
        if previous is None:
            return {}
        headers = {}
        if previous.get("etag"):
            headers["If-None-Match"] = previous["etag"]
        if previous.get("last_modified"):
            headers["If-Modified-Since"] = previous["last_modified"]
        return headers

    @staticmethod
    def changed(previous: dict | None, status: int, body: bytes) -> bool:
        if status == 304:
            return False
        return previous is None or previous["sha256"] != hashlib.sha256(body).hexdigest()

    def should_fetch(self, link: dict, *, parent_changed: bool, result: dict) -> bool:
        """Follow ``link`` found on a page whose parse ``result`` is given."""
        previous = self.previous(link["url"], link.get("method") or "GET", link.get("body"))
        if previous is None:
            return True
        if PageKind(link["page_kind"]) is PageKind.ATTACHMENT_FILE:
            return False  # an attachment's file is fetched once (its text is kept)
        if PageKind(link["page_kind"]) in LISTINGS:
            return True
        if not parent_changed:
            return self._is_recent_meeting(link, result)
        return self._is_recent(self._start_of(link, result))

    def _is_recent_meeting(self, link: dict, result: dict) -> bool:
        """A meeting page changes without its listing changing (items removed or redacted
        during the appeal period); only a fresh copy shows what it dropped (a tombstone).
        Undated links are not re-checked here: that would cost every quiet night."""
        if PageKind(link["page_kind"]) is not PageKind.MEETING:
            return False
        start = self._start_of(link, result)
        return start is not None and self._is_recent(start)

    def _start_of(self, link: dict, result: dict) -> str | None:
        """The meeting date the link belongs to: its own meeting, or the page's meeting."""
        meetings = result.get("meetings") or []
        for meeting in meetings:
            if meeting.get("source_url") == link["url"]:
                return meeting.get("start")
        if len(meetings) == 1:
            return meetings[0].get("start")
        return None

    def _is_recent(self, start: str | None) -> bool:
        if not start:
            return True  # undated: cannot tell, so check it
        try:
            moment = datetime.fromisoformat(start)
        except ValueError:
            return True
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment >= self.now - self.recent
