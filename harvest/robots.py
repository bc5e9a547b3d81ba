"""Permission the page itself states: ``<meta name="robots">`` and ``X-Robots-Tag``.

robots.txt is scrapy's (ROBOTSTXT_OBEY). Tweb installs also mark every page
``noindex, nofollow`` in its head, and Dynasty's static exports ``noindex``. When a source
obeys robots (``obey_robots = true``), a ``noindex`` page is neither saved nor published and
a ``nofollow`` page's links are not followed; both are counted in the run report, so a town
that forbids it all shows up as a failed source, never as an empty archive.
"""

from __future__ import annotations

import re

NOINDEX = "noindex"
NOFOLLOW = "nofollow"
_HEAD_BYTES = 64 * 1024  # the head of any real page; never scan a whole document
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_KNOWN = {
    "all",
    "none",
    NOINDEX,
    NOFOLLOW,
    "noarchive",
    "nosnippet",
    "noimageindex",
    "notranslate",
    "index",
    "follow",
    "max-snippet",
    "max-image-preview",
    "max-video-preview",
    "unavailable_after",
    "indexifembedded",
}


def page_directives(
    body: bytes | None,
    *,
    header: str | None = None,
    media_type: str | None = None,
    bot_name: str = "avoinbot",
) -> frozenset[str]:
    """The robots directives that apply to us: ``{"noindex", "nofollow"}`` or fewer."""
    tokens = _header_tokens(header or "", bot_name)
    if body and _looks_like_html(body, media_type):
        tokens += _meta_tokens(body[:_HEAD_BYTES], bot_name)
    directives = set(tokens)
    if "none" in directives:
        directives |= {NOINDEX, NOFOLLOW}
    return frozenset(directives & {NOINDEX, NOFOLLOW})


def _header_tokens(header: str, bot_name: str) -> list[str]:
    """``X-Robots-Tag: noindex`` or ``X-Robots-Tag: avoinbot: nofollow``; another bot's
    directives are not ours."""
    tokens = []
    for part in header.split(","):
        name, colon, rest = part.partition(":")
        name = name.strip().lower()
        if colon and name not in _KNOWN:
            if name != bot_name:
                continue
            part = rest
        tokens.append(part.strip().lower())
    return tokens


def _meta_tokens(head: bytes, bot_name: str) -> list[str]:
    tokens = []
    for tag in _META_TAG.findall(head):
        attributes = {
            key.decode("latin-1").lower(): b"".join(values).decode("latin-1")
            for key, *values in _ATTRIBUTE.findall(tag)
        }
        name = attributes.get("name", "").strip().lower()
        if name in ("robots", bot_name):
            tokens += [token.strip().lower() for token in attributes.get("content", "").split(",")]
    return tokens


def _looks_like_html(body: bytes, media_type: str | None) -> bool:
    if media_type:
        return "html" in media_type.lower()
    return b"<html" in body[:2048].lower() or b"<meta" in body[:2048].lower()
