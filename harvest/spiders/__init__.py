"""One scrapy spider per platform; a municipality is a Source handed to it."""

from __future__ import annotations

from harvest.spiders.cloudnc import CloudncSpider
from harvest.spiders.dynasty import DynastySpider
from harvest.spiders.ktweb import KtwebSpider

SPIDERS = {
    KtwebSpider.platform: KtwebSpider,
    CloudncSpider.platform: CloudncSpider,
    DynastySpider.platform: DynastySpider,
}


def spider_for(platform: str):
    """The spider class of a platform, or None while the platform has no harvester yet."""
    return SPIDERS.get(platform)
