"""sitemap.xml and robots.txt.

``sitemap.xml`` is a sitemap index pointing at one sitemap per municipality (``sitemaps/
vaasa.xml``, split into ``vaasa-2.xml``, ... past ``URLS_PER_SITEMAP``) and one for the
site's own pages, so a change in one municipality rewrites only that municipality's file
and no file nears the protocol's 50,000-URL limit. Every page is listed in each UI language.
Sitemaps need absolute URLs: build with an absolute ``base_url`` for crawlers.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from site_builder import i18n
from site_builder.feeds import XML_DECLARATION, utc_timestamp
from site_builder.paths import SiteUrls
from site_builder.writer import SiteWriter

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_INDEX = "sitemap.xml"
SITEMAP_DIR = "sitemaps"
SITE_PAGES_GROUP = "site"
URLS_PER_SITEMAP = 30_000  # under the protocol's 50,000 with room to spare


class SitemapCollector:
    """Collects page paths (within a language tree) per municipality as pages are built."""

    def __init__(self):
        self.groups: dict[str, list[tuple[str, str | None]]] = defaultdict(list)

    def add(self, municipality: str | None, path: str, lastmod: str | None = None) -> None:
        self.groups[municipality or SITE_PAGES_GROUP].append((path, lastmod))

    def write(self, writer: SiteWriter, urls: SiteUrls) -> None:
        sitemap_files = []
        for group in sorted(self.groups):
            entries = [
                (urls.path_url(path, language), lastmod)
                for path, lastmod in self.groups[group]
                for language in i18n.UI_LANGUAGES
            ]
            for number, start in enumerate(range(0, len(entries), URLS_PER_SITEMAP), start=1):
                name = f"{SITEMAP_DIR}/{group}{'' if number == 1 else f'-{number}'}.xml"
                writer.write_text(name, _urlset(entries[start : start + URLS_PER_SITEMAP], urls))
                sitemap_files.append(name)
        writer.write_text(SITEMAP_INDEX, _sitemap_index(sitemap_files, urls))


def _urlset(entries: list[tuple[str, str | None]], urls: SiteUrls) -> str:
    urlset = etree.Element(f"{{{SITEMAP_NAMESPACE}}}urlset", nsmap={None: SITEMAP_NAMESPACE})
    for url, lastmod in entries:
        element = etree.SubElement(urlset, f"{{{SITEMAP_NAMESPACE}}}url")
        etree.SubElement(element, f"{{{SITEMAP_NAMESPACE}}}loc").text = urls.absolute(url)
        if lastmod:
            etree.SubElement(element, f"{{{SITEMAP_NAMESPACE}}}lastmod").text = utc_timestamp(
                lastmod
            )[:10]
    return XML_DECLARATION + etree.tostring(urlset, encoding="unicode", pretty_print=True)


def _sitemap_index(files: list[str], urls: SiteUrls) -> str:
    index = etree.Element(f"{{{SITEMAP_NAMESPACE}}}sitemapindex", nsmap={None: SITEMAP_NAMESPACE})
    for name in files:
        element = etree.SubElement(index, f"{{{SITEMAP_NAMESPACE}}}sitemap")
        etree.SubElement(element, f"{{{SITEMAP_NAMESPACE}}}loc").text = urls.absolute(
            urls.site_file(name)
        )
    return XML_DECLARATION + etree.tostring(index, encoding="unicode", pretty_print=True)


def robots_txt(urls: SiteUrls) -> str:
    """Everything may be crawled; the Sitemap line only when the site knows its origin
    (robots.txt requires an absolute sitemap URL)."""
    lines = ["User-agent: *", "Allow: /"]
    if urls.origin:
        lines.append(f"Sitemap: {urls.absolute(urls.site_file(SITEMAP_INDEX))}")
    return "\n".join(lines) + "\n"
