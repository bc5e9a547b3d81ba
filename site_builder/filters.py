"""Jinja filters, registered in one place (``register_filters``).

Filters that depend on the UI language read ``ui_lang`` and ``_`` from the template
context, so the later language switch only renders with another context.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from site_builder import i18n
from site_builder.sanitize import sanitize_html

# Decision dates are Finnish local dates; timestamps are shown in Helsinki time.
HELSINKI = ZoneInfo("Europe/Helsinki")
_TIME_FORMAT = {"fi": "%H.%M", "sv": "%H.%M", "en": "%H:%M"}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_LINKABLE_SCHEMES = ("http", "https")


def parse_when(value: str | date | datetime) -> date | datetime:
    """An ISO date or timestamp from the store; aware timestamps move to Helsinki time."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return value
    elif len(value) == 10:
        return date.fromisoformat(value)
    else:
        moment = datetime.fromisoformat(value)
    return moment.astimezone(HELSINKI) if moment.tzinfo else moment


def format_date(value) -> str:
    """``2017-03-20T16:00:00+02:00`` -> ``20.3.2017`` (the form used in all three languages)."""
    if not value:
        return ""
    when = parse_when(value)
    return f"{when.day}.{when.month}.{when.year}"


@pass_context
def format_datetime(context: Context, value) -> str:
    """``20.3.2017 klo 16.00``; a bare date stays a date."""
    if not value:
        return ""
    when = parse_when(value)
    if not isinstance(when, datetime):
        return format_date(when)
    time_text = when.strftime(_TIME_FORMAT[context["ui_lang"]])
    return f"{format_date(when)} {context['_']('at {time}', time=time_text)}"


def year_of(value) -> int | None:
    return parse_when(value).year if value else None


def paragraphs(text: str | None) -> Markup:
    """Plain text as escaped paragraphs: blank lines split them, single newlines break lines."""
    if not text or not text.strip():
        return Markup("")
    blocks = (block.strip() for block in _PARAGRAPH_BREAK.split(text.strip()))
    rendered = (
        Markup("<p>") + Markup("<br>\n").join(escape(line) for line in block.split("\n"))
        + Markup("</p>")
        for block in blocks if block
    )
    return Markup("\n").join(rendered)


def content_body(content: dict) -> Markup:
    """A content section's body: its sanitised HTML when that has any, else its text."""
    html = content.get("html")
    if html:
        cleaned = sanitize_html(html)
        if cleaned:
            # Safe to mark: sanitize_html keeps only attribute-free structure tags.
            return Markup(cleaned)
    return paragraphs(content.get("text"))


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain absolute http(s) link, else None (shown without a link).

    Harvested URLs could say ``javascript:`` or hide one behind whitespace; only what is
    unmistakably a web address becomes an href.
    """
    if not url or any(ord(char) <= 0x20 or ord(char) == 0x7F for char in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in _LINKABLE_SCHEMES or not parts.netloc:
        return None
    return url


def localized(value, language: str) -> str:
    """A name that may be ``{"fi": ..., "sv": ...}``: the UI language, else the first given."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return value.get(language) or next((text for text in value.values() if text), "")
    return str(value)


def other_language(content_language: str | None, ui_language: str) -> str | None:
    """The ``lang`` to put on content written in another language than the UI, if any."""
    if content_language and _LANGUAGE_CODE.match(content_language):
        return content_language if content_language != ui_language else None
    return None


def _enum_label_filter(labels: dict):
    @pass_context
    def label(context: Context, value: str | None) -> str:
        message_id = i18n.enum_label(labels, value)
        return context["_"](message_id) if message_id else ""

    return label


def register_filters(environment: Environment) -> None:
    environment.filters.update({
        "date": format_date,
        "datetime": format_datetime,
        "year": year_of,
        "paragraphs": paragraphs,
        "content_body": content_body,
        "safe_url": safe_url,
        "outcome_label": _enum_label_filter(i18n.OUTCOME_LABELS),
        "content_type_label": _enum_label_filter(i18n.CONTENT_TYPE_LABELS),
        "document_kind_label": _enum_label_filter(i18n.DOCUMENT_KIND_LABELS),
        "classification_label": _enum_label_filter(i18n.CLASSIFICATION_LABELS),
    })
    environment.globals.update({"localized": localized, "other_language": other_language})
