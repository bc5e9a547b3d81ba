"""Where each record's page lives: file paths and URLs derived from record ids only.

Ids are stable and public (journalists cite them), so URLs come from ids, never from
harvested names or titles. An id's parts are still harvested text, so each part is
checked before it becomes a path segment:

- the municipality must be a configured slug (``vaasa``);
- the record kind must be one of the schema's id infixes (``org``, ``meeting``, ``action``);
- the origin id is used verbatim only when it is a plain, short file name; anything else
  (``../../etc``, ``a/b``, ``%2e%2e``, 200 characters) becomes ``~`` + a sha256 prefix.
  ``~`` never occurs in a verbatim origin id, so a hashed segment cannot collide with one.

``vaasa``             -> ``vaasa/index.html``
``vaasa:org:02``      -> ``vaasa/org/02/index.html``
``vaasa:meeting:9``   -> ``vaasa/meeting/9/index.html``
``vaasa:action:123``  -> ``vaasa/action/123/index.html``
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection

from transform.schema import ID_INFIX

INDEX_FILE = "index.html"
NOT_FOUND_FILE = "404.html"
STATIC_DIR = "static"

_MUNICIPALITY_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_VERBATIM_ORIGIN_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_KNOWN_INFIXES = frozenset(ID_INFIX.values())
_HASHED_SEGMENT_PREFIX = "~"
_HASH_LENGTH = 16  # 64 bits: collisions are not a practical concern at archive scale


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


def origin_id_segment(origin_id: str) -> str:
    """One path segment for a platform's origin id: verbatim when plainly safe, else hashed."""
    if _VERBATIM_ORIGIN_ID.match(origin_id) and origin_id not in (".", ".."):
        return origin_id
    digest = hashlib.sha256(origin_id.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return _HASHED_SEGMENT_PREFIX + digest


def _check_municipality(
    municipality: str, known: Collection[str] | None, record_id: str
) -> None:
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
    """URLs for templates; all absolute from ``base_url`` so 404.html works at any depth."""

    def __init__(self, base_url: str, known_municipalities: Collection[str]):
        if not base_url.endswith("/"):
            raise ValueError(f"base_url must end with '/': {base_url!r}")
        self.base_url = base_url
        self.known_municipalities = frozenset(known_municipalities)

    def page_path(self, record_id: str) -> str:
        return page_path(record_id, self.known_municipalities)

    def record(self, record_id: str) -> str:
        return url_of_path(self.page_path(record_id), self.base_url)

    @property
    def home(self) -> str:
        return self.base_url

    def static(self, file_name: str) -> str:
        return f"{self.base_url}{STATIC_DIR}/{file_name}"
