"""One scrapy spider per platform; a municipality is a Source handed to it."""

from __future__ import annotations

from harvest.spiders.ktweb import KtwebSpider

SPIDERS = {KtwebSpider.platform: KtwebSpider}


def spider_for(platform: str):
    """The spider class of a platform, or None while the platform has no harvester yet."""
    return SPIDERS.get(platform)
