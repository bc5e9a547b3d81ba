"""Download handler that sends requests for a host to another address, keeping the URL.

The demo and the tests replay sample sites on 127.0.0.1 at a free port, while every
record keeps the site's own stable URL (``http://vaasa.sample.invalid/ktwebscr/...``). So a
re-run on another port changes no record, and nothing in the store points at a port that
is gone. Enabled only when the AVOIN_HOST_MAP setting maps ``host -> "127.0.0.1:PORT"``.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler


class HostMapDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.host_map = dict(crawler.settings.getdict("AVOIN_HOST_MAP"))

    async def download_request(self, request):
        parts = urlsplit(request.url)
        target = self.host_map.get(parts.netloc)
        if target is None:
            return await super().download_request(request)
        replayed = request.replace(url=urlunsplit(parts._replace(netloc=target)))
        response = await super().download_request(replayed)
        return response.replace(url=request.url, request=request)
