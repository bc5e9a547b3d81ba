"""Harvested HTML is untrusted: only a small set of text-structure tags survives.

The store's content ``html`` is meant to be sanitised already, but the site does not
rely on an earlier stage for its own safety: it cleans again, with a stricter list.
No links, images, styles, classes or ids: the text and its structure are what matter,
and every link the site shows is one it built itself.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "b",
        "i",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "h3",
        "h4",
    }
)
# Table cell spans keep tables readable; no other attribute is kept anywhere.
ALLOWED_ATTRIBUTES = {"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
# Tags whose content goes too (not just the tag): code, styles and embedded documents.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "textarea",
        "title",
        "head",
    }
)


def sanitize_html(html: str) -> str:
    """The fragment with everything outside the allow-list removed; safe to emit as is."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(),
        strip_comments=True,
        link_rel=None,
    ).strip()
