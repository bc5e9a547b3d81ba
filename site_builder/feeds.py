"""Atom feeds (RFC 4287) of the latest actions of a municipality or an organ.

Built with lxml, so the XML is well formed whatever the harvested text holds (characters
XML forbids are dropped first). Ids are ``urn:uuid:`` derived from record ids: stable
whatever host or language the feed is served from, as Atom requires.
"""

from __future__ import annotations

import functools
import re
import uuid
from datetime import UTC, date, datetime

from lxml import etree

from site_builder import i18n
from site_builder.filters import format_date, localized
from site_builder.paths import SiteUrls
from transform.schema import Outcome

FEED_SIZE = 50
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# An empty feed still needs an <updated>; a fixed instant keeps rebuilds byte-identical.
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"
_NOT_XML_CHARACTERS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ID_NAMESPACE = uuid.UUID("6f1d3c64-7a9e-4b8e-9a57-2b8f0c3e5d10")  # Avoin's own namespace


def atom_feed(
    language: str,
    urls: SiteUrls,
    *,
    page_path: str,
    feed_path: str,
    title: str,
    author: str,
    actions: list[dict],
    organization_by_id: dict,
    meeting_by_id: dict,
) -> str:
    _ = i18n.translator(language)
    feed = etree.Element(f"{{{ATOM_NAMESPACE}}}feed", nsmap={None: ATOM_NAMESPACE})
    feed.set(XML_LANG, language)
    _add(feed, "id", record_urn(f"feed:{feed_path}:{language}"))
    _add(feed, "title", _("%(name)s: latest decisions", name=title))
    _add(feed, "updated", _latest_update(actions))
    _add_link(feed, "self", urls.absolute(urls.path_url(feed_path)), "application/atom+xml")
    _add_link(feed, "alternate", urls.absolute(urls.path_url(page_path)), "text/html")
    _add(_add(feed, "author"), "name", author)
    _add(feed, "rights", _("Compilation licensed CC BY 4.0."))
    for action in actions:
        feed.append(_entry(action, language, urls, organization_by_id, meeting_by_id))
    return XML_DECLARATION + etree.tostring(feed, encoding="unicode", pretty_print=True)


def _entry(
    action: dict, language: str, urls: SiteUrls, organization_by_id: dict, meeting_by_id: dict
) -> etree._Element:
    _ = i18n.translator(language)
    entry = etree.Element(f"{{{ATOM_NAMESPACE}}}entry")
    _add(entry, "id", record_urn(action["id"]))
    title = _add(entry, "title", action["title"] or _("Untitled item"))
    if action["language"]:
        title.set(XML_LANG, action["language"])
    _add(entry, "updated", utc_timestamp(_updated(action)))
    if action["first_seen"]:
        _add(entry, "published", utc_timestamp(action["first_seen"]))
    _add_link(entry, "alternate", urls.absolute(urls.record(action["id"])), "text/html")
    _add(entry, "summary", entry_summary(action, language, organization_by_id, meeting_by_id))
    outcome_label = i18n.enum_label(i18n.OUTCOME_LABELS, action["outcome"])
    if outcome_label:
        category = _add(entry, "category")
        category.set("term", action["outcome"])
        category.set("label", _(outcome_label))
    return entry


def entry_summary(
    action: dict, language: str, organization_by_id: dict, meeting_by_id: dict
) -> str:
    """``Kaupunginhallitus 5/2017 § 12 · 20.3.2017 · Hyväksyttiin ehdotuksen mukaisesti``."""
    _ = i18n.translator(language)
    organization = organization_by_id.get(action["organization"])
    meeting = meeting_by_id.get(action["meeting"])
    where = localized(organization["name"], language) if organization else ""
    if meeting and meeting["number"]:
        where = f"{where} {meeting['number']}".strip()
    if action["article_number"]:
        where = f"{where} § {action['article_number']}".strip()
    parts = [where, format_date(action["date"], language)]
    outcome_label = i18n.enum_label(i18n.OUTCOME_LABELS, action["outcome"])
    if outcome_label and action["outcome"] != Outcome.UNKNOWN:
        parts.append(_(outcome_label))
    return " · ".join(part for part in parts if part)


# Remembered: an action is an entry of many feeds (town, organ, matter, topics) in three
# languages, and a uuid5 or a parsed timestamp costs more than the lookup.
@functools.lru_cache(maxsize=65536)
def record_urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, key)}"


def _updated(action: dict) -> str:
    """When the action last changed: the store's fetch time of its current content."""
    return action["fetched_at"] or action["first_seen"] or action["date"] or EMPTY_FEED_UPDATED


def _latest_update(actions: list[dict]) -> str:
    if not actions:
        return EMPTY_FEED_UPDATED
    return utc_timestamp(max((_updated(action) for action in actions), key=_as_datetime))


def _as_datetime(value: str) -> datetime:
    """Store timestamps carry offsets; a bare date counts as midnight UTC."""
    if len(value) == 10:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), UTC)
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@functools.lru_cache(maxsize=65536)
def utc_timestamp(value: str) -> str:
    """RFC 3339 in UTC, as Atom wants: ``2017-03-22T02:00:00Z``."""
    return _as_datetime(value).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM_NAMESPACE}}}{name}")
    if text is not None:
        element.text = _NOT_XML_CHARACTERS.sub("", text)
    return element


def _add_link(parent: etree._Element, rel: str, href: str, media_type: str) -> None:
    link = _add(parent, "link")
    link.set("rel", rel)
    link.set("type", media_type)
    link.set("href", href)
