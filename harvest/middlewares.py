"""Downloader middleware that honours Retry-After on 503 and 429 answers.

A municipal server that says "come back in 30 seconds" is asking politely; scrapy's own
retry would come back at once. Waits longer than AVOIN_RETRY_AFTER_MAX seconds are not
honoured here: the request falls through to the normal retry and, failing that, is
logged as an error for the next night to retry.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.utils.defer import deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

RETRY_AFTER_STATUSES = (429, 503)


class RetryAfterMiddleware:
    def __init__(self, max_wait: float, max_times: int):
        self.max_wait = max_wait
        self.max_times = max_times

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            settings.getfloat("AVOIN_RETRY_AFTER_MAX", 120.0), settings.getint("RETRY_TIMES", 2)
        )

    async def process_response(self, request, response, spider=None):
        if response.status not in RETRY_AFTER_STATUSES:
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        times = request.meta.get("retry_after_times", 0)
        if wait is None or wait > self.max_wait or times >= self.max_times:
            return response
        await deferred_to_future(deferLater(reactor, wait, lambda: None))
        retry = request.replace(dont_filter=True)
        retry.meta["retry_after_times"] = times + 1
        return retry


def retry_after_seconds(value: bytes | None) -> float | None:
    """Retry-After is either seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())
