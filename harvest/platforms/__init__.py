"""Page-level parsers, one module per platform: pure functions, bytes in, records out.

The contract every platform module keeps (used by the spiders, by ``avoin
transform`` and by ``avoin parse``)::

    parse_page(page_kind, body, url, municipality=None, context=None) -> dict

returns ``{"page": PageKind, "organizations": [...], "meetings": [...],
"actions": [...], "links": [...], "errors": [...], "documents": [...]}``:

- records are partial schema records (transform/schema.py): only the keys the
  page yields, always with ``id`` and ``origin_id``. Ids are built with
  ``schema.make_id(municipality, ...)``; when municipality is None the
  placeholder ``"unknown"`` is used.
- ``links`` are the pages this page points to, for the spider to choose from:
  ``{"page_kind": PageKind, "url": str, "method": "GET"|"POST",
  "body": str|None, "context": dict}``. ``context`` is what the next page
  cannot tell by itself (e.g. which organ a meeting list belongs to); the
  spider stores it in the harvest log and transform hands it back.
- ``documents`` says how each item document was read (``origin_id``, ``format``,
  ``layout``, ``unknown_labels``, ``known_share``): the run report's template-drift lines.
- unknown or broken input raises ``ParseError`` with a one-line message.

PageKind.ATTACHMENT_FILE is read the same way on every platform (``parse_attachment_file``)
and returns ``{"page", "attachment_files": [...]}``: any file is a result (a scan, an image,
an unreadable format are recorded as such); only an error page or an empty answer raises.

``detect_page_kind(body, url)`` guesses the kind for ``avoin parse`` when the
caller does not know it.
"""

from __future__ import annotations

from importlib import import_module

from transform.schema import PageKind, Platform


class ParseError(ValueError):
    """The bytes are not a page this parser understands (message is one line)."""


def platform_module(platform: str):
    """The parser module of a platform (``harvest.platforms.<name>``)."""
    try:
        Platform(platform)
    except ValueError:
        known = [p.value for p in Platform]
        raise ParseError(f"unknown platform {platform!r}; known: {known}") from None
    return import_module(f"harvest.platforms.{platform}")


def parse_page(platform, page_kind, body, url, municipality=None, context=None) -> dict:
    if page_kind == PageKind.ATTACHMENT_FILE:  # a file, read the same way on every platform
        return parse_attachment_file(body, url, municipality, context)
    return platform_module(platform).parse_page(page_kind, body, url, municipality, context)


def parse_attachment_file(body: bytes, url: str, municipality=None, context=None) -> dict:
    """``{"page": ATTACHMENT_FILE, "attachment_files": [{url, municipality, media_type,
    extraction, text, pages, note}]}``; ``url`` is the link as the item listed it (before
    any redirect)."""
    from harvest.documents.attachments import read_attachment

    listed_url = (context or {}).get("attachment_url") or url
    read = read_attachment(body)
    if read.media_type == "text/html" or not body.strip():
        # An error page or nothing where a file was expected: a failed fetch, tried again
        # next night like an item document (the parse log keeps the error).
        raise ParseError(read.note or "empty answer where an attachment file was expected")
    record = {"url": listed_url, "municipality": municipality, **read.as_record()}
    return {"page": PageKind.ATTACHMENT_FILE, "attachment_files": [record]}


def detect_page_kind(platform, body, url=""):
    return platform_module(platform).detect_page_kind(body, url)
