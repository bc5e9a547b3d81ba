"""Where each record's page lives: file paths and URLs derived from record ids only.

Ids are stable and public (journalists cite them), so URLs come from ids, never from
harvested names or titles. An id's parts are still harvested text, so each part is
checked before it becomes a path segment:

- the municipality must be a configured slug (``vaasa``);
- the record kind must be one of the schema's id infixes (``org``, ``meeting``, ``action``);
- the origin id is used verbatim only when it is a plain, short, lower-case file name;
  anything else (``../../etc``, ``a/b``, ``%2e%2e``, 200 characters, ``Caseid-A``) becomes
  ``~`` + a sha256 prefix. ``~`` never occurs in a verbatim origin id, so a hashed segment
  cannot collide with one, and no two segments differ only in case, so the site also
  unpacks on a case-insensitive file system (macOS, Windows) without two records sharing
  a folder.

``vaasa``             -> ``vaasa/index.html``
``vaasa:org:02``      -> ``vaasa/org/02/index.html``
``vaasa:meeting:9``   -> ``vaasa/meeting/9/index.html``
``vaasa:action:123``  -> ``vaasa/action/123/index.html``
``vaasa:item:4122-20261013-85`` -> ``vaasa/item/4122-20261013-85/index.html`` (and ``matter``)

The site is built once per UI language, so every page above lives under ``fi/``, ``sv/``
and ``en/`` (``language_path``). Pages that belong to a record but are not the record
itself (an organ's year pages, an action's earlier versions, feeds) sit below the record's
directory, named by the builder itself (``vaasa/org/kh/2017/index.html``).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Collection
from urllib.parse import urlsplit

from transform.schema import DERIVED_ID_INFIX, ID_INFIX

INDEX_FILE = "index.html"
NOT_FOUND_FILE = "404.html"
FEED_FILE = "feed.atom"
STATIC_DIR = "static"
ABOUT_PAGE = "about/index.html"
DOWNLOADS_PAGE = "downloads/index.html"
SCHEMA_PAGE = "downloads/schema/index.html"
# Written by site_builder/search.py (Pagefind); the builder only links to it.
SEARCH_PAGE = "search/index.html"
# The last nightly run's report (site_builder/status.py).
STATUS_PAGE = "status/index.html"
# Topics across all towns (site_builder/topic_pages.py); a town's own below its page.
TOPIC_SEGMENT = "topic"
TOPICS_PAGE = f"{TOPIC_SEGMENT}/index.html"
# First path segments of the site's own pages in a language tree: no municipality may use them.
RESERVED_PAGE_NAMES = frozenset(
    {"about", "downloads", "search", "static", "data", "feeds", "status", TOPIC_SEGMENT}
)

_MUNICIPALITY_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_VERBATIM_ORIGIN_ID = re.compile(r"^[a-z0-9._-]{1,64}$")
_KNOWN_INFIXES = frozenset((*ID_INFIX.values(), *DERIVED_ID_INFIX.values()))
_HASHED_SEGMENT_PREFIX = "~"
_HASH_LENGTH = 16  # 64 bits: collisions are not a practical concern at archive scale
# Record links remembered per language (a few MB; the pages of a town link within it).
_REMEMBERED_RECORD_URLS = 65536
# Segments the builder names itself (years, page numbers, "version"): never harvested text.
_BUILDER_SEGMENT = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")


class UnsafeIdError(ValueError):
    """A record id that cannot be turned into a page path safely."""


def page_path(record_id: str, known_municipalities: Collection[str] | None = None) -> str:
    """The page of a record, relative to the site root, always ending in ``index.html``.

    ``known_municipalities`` (the configured slugs) is checked when given; the builder
    always gives it, so a record of an unconfigured municipality fails the build.
    """
    municipality, _, rest = record_id.partition(":")
    _check_municipality(municipality, known_municipalities, record_id)
    if not rest:
        return f"{municipality}/{INDEX_FILE}"
    infix, separator, origin_id = rest.partition(":")
    if not separator or infix not in _KNOWN_INFIXES:
        raise UnsafeIdError(f"{record_id!r}: not '<municipality>:<kind>:<origin_id>'")
    return f"{municipality}/{infix}/{origin_id_segment(origin_id)}/{INDEX_FILE}"


# Pages link the same organs and meetings over and over; the checks need not run again.
_remembered_page_path = functools.lru_cache(maxsize=65536)(page_path)


def sub_page_path(record_path: str, *segments: str | int, file_name: str = INDEX_FILE) -> str:
    """A page below a record's page: ``sub_page_path("vaasa/org/kh/index.html", 2017)``
    -> ``vaasa/org/kh/2017/index.html``. Segments are the builder's own names."""
    directory = record_path.removesuffix(INDEX_FILE)
    names = [str(segment) for segment in segments]
    for name in names:
        if not _BUILDER_SEGMENT.match(name):
            raise UnsafeIdError(f"{name!r} is not a plain sub-page name")
    return directory + "".join(name + "/" for name in names) + file_name


def topic_path(slug: str, municipality: str | None = None, file_name: str = INDEX_FILE) -> str:
    """``topic/children-youth/index.html``, a town's ``vaasa/topic/children-youth/...``."""
    base = TOPICS_PAGE if municipality is None else f"{municipality}/{TOPICS_PAGE}"
    return sub_page_path(base, slug, file_name=file_name)


def language_path(language: str, path: str) -> str:
    """``("sv", "vaasa/index.html")`` -> ``sv/vaasa/index.html``: one tree per UI language."""
    return f"{language}/{path}"


def origin_id_segment(origin_id: str) -> str:
    """One path segment for a platform's origin id: verbatim when plainly safe, else hashed."""
    if _VERBATIM_ORIGIN_ID.match(origin_id) and origin_id not in (".", ".."):
        return origin_id
    digest = hashlib.sha256(origin_id.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return _HASHED_SEGMENT_PREFIX + digest


def _check_municipality(municipality: str, known: Collection[str] | None, record_id: str) -> None:
    if not _MUNICIPALITY_SLUG.match(municipality):
        raise UnsafeIdError(f"{record_id!r}: municipality {municipality!r} is not a slug")
    if known is not None and municipality not in known:
        raise UnsafeIdError(f"{record_id!r}: municipality {municipality!r} is not configured")


def url_of_path(path: str, base_url: str) -> str:
    """The public URL of a built file; directory indexes get the short form ``.../123/``."""
    if path == INDEX_FILE:
        return base_url
    if path.endswith("/" + INDEX_FILE):
        path = path[: -len(INDEX_FILE)]
    return base_url + path


class SiteUrls:
    """URLs for one UI language's pages, plus the absolute forms feeds and sitemaps need.

    ``base_url`` is a path (``/``, ``/avoin/``) or an absolute URL
    (``https://avoin.example/``). Pages always link root-relative, so a built site previews
    from any host; feeds, the sitemap and JSON-LD get absolute URLs when the base is absolute
    (and root-relative ones otherwise, which suits a preview but not a crawler).
    """

    def __init__(self, base_url: str, known_municipalities: Collection[str], language: str = "fi"):
        parts = urlsplit(base_url)
        if not parts.path.endswith("/") or parts.query or parts.fragment:
            raise ValueError(f"base_url must be a path or URL ending with '/': {base_url!r}")
        if bool(parts.scheme) != bool(parts.netloc) or parts.scheme not in ("", "http", "https"):
            raise ValueError(f"base_url must be a path or an http(s) URL: {base_url!r}")
        clashes = RESERVED_PAGE_NAMES & set(known_municipalities)
        if clashes:
            raise UnsafeIdError(f"municipality ids {sorted(clashes)} clash with site pages")
        self.base_url = base_url
        self.base_path = parts.path
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
        self.known_municipalities = frozenset(known_municipalities)
        self.language = language
        # Every page links to the same few site pages and to the same records many times
        # over: each link is made once per language (a build makes hundreds of thousands).
        self._record_urls: dict[str, str] = {}
        self.home = self.path_url(INDEX_FILE)
        self.about = self.path_url(ABOUT_PAGE)
        self.downloads = self.path_url(DOWNLOADS_PAGE)
        self.schema = self.path_url(SCHEMA_PAGE)
        self.search = self.path_url(SEARCH_PAGE)
        self.status = self.path_url(STATUS_PAGE)
        self.topics = self.path_url(TOPICS_PAGE)

    def for_language(self, language: str) -> SiteUrls:
        return SiteUrls(self.base_url, self.known_municipalities, language)

    def page_path(self, record_id: str) -> str:
        """The record's page within one language tree (``vaasa/action/1/index.html``)."""
        return _remembered_page_path(record_id, self.known_municipalities)

    def file_path(self, path: str) -> str:
        """Where a page of this language is written (``fi/vaasa/action/1/index.html``)."""
        return language_path(self.language, path)

    def path_url(self, path: str, language: str | None = None) -> str:
        """The link to a page of this (or another) language tree."""
        return url_of_path(language_path(language or self.language, path), self.base_path)

    def record(self, record_id: str) -> str:
        url = self._record_urls.get(record_id)
        if url is None:
            if len(self._record_urls) >= _REMEMBERED_RECORD_URLS:
                self._record_urls.clear()  # bounded: a municipality's records fit
            url = self._record_urls[record_id] = self.path_url(self.page_path(record_id))
        return url

    def absolute(self, url: str) -> str:
        """A root-relative link made absolute when the site knows its origin."""
        return self.origin + url

    def topic(self, slug: str, municipality: str | None = None) -> str:
        return self.path_url(topic_path(slug, municipality))

    def static(self, file_name: str) -> str:
        return f"{self.base_path}{STATIC_DIR}/{file_name}"

    def site_file(self, relative_path: str) -> str:
        """A file outside the language trees: ``data/actions.csv``, ``sitemap.xml``."""
        return self.base_path + relative_path
