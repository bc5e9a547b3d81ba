"""Polite scrapy defaults (platforms.md, "Politeness and permission")."""

from __future__ import annotations

# A single municipal server is small: one request at a time per host, a delay that
# AutoThrottle stretches when the server slows down, and a cap on what we download.
POLITE = {
    "ROBOTSTXT_OBEY": True,
    "CONCURRENT_REQUESTS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "DOWNLOAD_DELAY": 1.0,
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 1.0,
    "AUTOTHROTTLE_MAX_DELAY": 30.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 3,
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
    "DOWNLOAD_TIMEOUT": 60,
    "DOWNLOAD_MAXSIZE": 50 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 20 * 1024 * 1024,
    "HTTPCACHE_ENABLED": False,
    "COOKIES_ENABLED": True,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    "ITEM_PIPELINES": {"harvest.pipelines.RawSnapshotPipeline": 100},
    # Before scrapy's RetryMiddleware (550) sees the answer: wait as the server asked.
    "DOWNLOADER_MIDDLEWARES": {"harvest.middlewares.RetryAfterMiddleware": 560},
    "AVOIN_RETRY_AFTER_MAX": 120.0,
}

# The replay servers run on this machine: no need to wait between requests.
LOOPBACK = {
    "DOWNLOAD_DELAY": 0.0,
    "AUTOTHROTTLE_ENABLED": False,
    "RETRY_TIMES": 2,
    "DOWNLOAD_TIMEOUT": 10,
}


def scrapy_settings(
    *,
    user_agent: str,
    store_path: str,
    raw_dir: str,
    run_id: int,
    host_map: dict[str, str] | None = None,
    loopback: bool = False,
    incremental: bool = True,
    download_timeout: float | None = None,
) -> dict:
    """Settings for one source's crawl; ``host_map`` replays hosts from 127.0.0.1 (demo, tests)."""
    settings = dict(POLITE)
    if loopback:
        settings.update(LOOPBACK)
    if host_map:
        settings["AVOIN_HOST_MAP"] = dict(host_map)
        settings["DOWNLOAD_HANDLERS"] = {"http": "harvest.hostmap.HostMapDownloadHandler"}
    settings.update(
        {
            "USER_AGENT": user_agent,
            "AVOIN_STORE_PATH": store_path,
            "AVOIN_RAW_DIR": raw_dir,
            "AVOIN_RUN_ID": run_id,
            "AVOIN_INCREMENTAL": incremental,
            **({"DOWNLOAD_TIMEOUT": download_timeout} if download_timeout else {}),
        }
    )
    return settings
