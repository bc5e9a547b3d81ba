"""Jinja filters, registered in one place (``register_filters``).

Every UI language has an environment of its own (site_builder/renderer.py), so filters
that depend on the language are bound to it when the environment is made.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment
from markupsafe import Markup, escape

from site_builder import i18n
from site_builder.sanitize import sanitize_html
from site_builder.status import harvest_error_label
from transform.schema import ContentType
from transform.topics import TOPICS, topic_slug

# Decision dates are Finnish local dates; timestamps are shown in Helsinki time.
HELSINKI = ZoneInfo("Europe/Helsinki")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_LINE_BREAK = "<br>\n"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_LINKABLE_SCHEMES = ("http", "https")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")


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


# The site's own date, time and number formats, one table per UI language. They are ours,
# not CLDR's: a Babel or CLDR release must never change a published page (Babel 2.19 moved
# sv-FI's time from 16:00 to 16.00 under a range that allowed it).
_MONTHS_SHORT = {
    "sv": (
        "jan.",
        "feb.",
        "mars",
        "apr.",
        "maj",
        "juni",
        "juli",
        "aug.",
        "sep.",
        "okt.",
        "nov.",
        "dec.",
    ),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


@dataclass(frozen=True)
class LanguageFormats:
    """How one language writes a date, a time of day and a number."""

    date: Callable[[date], str]
    time: Callable[[datetime], str]
    group_separator: str
    decimal_separator: str
    byte_units: tuple[str, str, str, str]  # byte, kilobyte, megabyte, gigabyte


FORMATS = {
    "fi": LanguageFormats(
        date=lambda day: f"{day.day}.{day.month}.{day.year}",
        time=lambda moment: f"{moment.hour}.{moment.minute:02d}",
        group_separator="\xa0",
        decimal_separator=",",
        byte_units=("t", "kt", "Mt", "Gt"),
    ),
    "sv": LanguageFormats(
        date=lambda day: f"{day.day} {_MONTHS_SHORT['sv'][day.month - 1]} {day.year}",
        time=lambda moment: f"{moment.hour}.{moment.minute:02d}",
        group_separator="\xa0",
        decimal_separator=",",
        byte_units=("B", "kB", "MB", "GB"),
    ),
    "en": LanguageFormats(
        date=lambda day: f"{day.day} {_MONTHS_SHORT['en'][day.month - 1]} {day.year}",
        time=lambda moment: f"{moment.hour:02d}:{moment.minute:02d}",
        group_separator=",",
        decimal_separator=".",
        byte_units=("B", "kB", "MB", "GB"),
    ),
}


def language_formats(language: str) -> LanguageFormats:
    return FORMATS.get(language, FORMATS[i18n.DEFAULT_LANGUAGE])


@functools.lru_cache(maxsize=8192)
def format_date(value, language: str = i18n.DEFAULT_LANGUAGE) -> str:
    """A decision date the language's way: 20.3.2017 / 20 mars 2017 / 20 Mar 2017.

    Remembered: a build formats the same few thousand dates on hundreds of thousands of
    pages."""
    if not value:
        return ""
    when = parse_when(value)
    day = when.date() if isinstance(when, datetime) else when
    return language_formats(language).date(day)


def format_datetime(value, language: str = i18n.DEFAULT_LANGUAGE) -> str:
    """``20.3.2017 klo 16.00``; a bare date stays a date."""
    if not value:
        return ""
    when = parse_when(value)
    if not isinstance(when, datetime):
        return format_date(when, language)
    _ = i18n.translator(language)
    time_text = language_formats(language).time(when)
    return format_date(when, language) + " " + _("at %(time)s", time=time_text)


def format_number(
    value: int | float, language: str = i18n.DEFAULT_LANGUAGE, decimals: int = 3
) -> str:
    """12 345 / 12,345: grouping the language's way; at most ``decimals`` decimals."""
    formats = language_formats(language)
    whole, _, fraction = f"{abs(value):,.{decimals}f}".partition(".")
    fraction = fraction.rstrip("0")
    text = whole.replace(",", formats.group_separator)
    if fraction:
        text += formats.decimal_separator + fraction
    return ("-" if value < 0 else "") + text


_BYTE_FACTORS = (10**9, 10**6, 10**3)


def format_bytes(size: int, language: str = i18n.DEFAULT_LANGUAGE) -> str:
    """A file size as people read it: 1,5 Mt / 1.5 MB (decimal units, one decimal)."""
    units = language_formats(language).byte_units
    for unit, factor in zip(reversed(units[1:]), _BYTE_FACTORS, strict=True):
        if size >= factor:
            return f"{format_number(round(size / factor, 1), language, decimals=1)} {unit}"
    return f"{format_number(size, language)} {units[0]}"


def iso_date(value) -> str:
    """The machine-readable date (``2017-03-20``) for ``<time datetime>`` and metadata."""
    if not value:
        return ""
    when = parse_when(value)
    return (when.date() if isinstance(when, datetime) else when).isoformat()


def year_of(value) -> int | None:
    return parse_when(value).year if value else None


def paragraphs(text: str | None) -> Markup:
    """Plain text as escaped paragraphs: blank lines split them, single newlines break lines."""
    if not text or not text.strip():
        return Markup("")
    # Escape once, then join plain strings: the same markup as joining Markup objects,
    # without a Markup allocation per line.
    blocks = (block.strip() for block in _PARAGRAPH_BREAK.split(str(escape(text.strip()))))
    return Markup(
        "\n".join("<p>" + _LINE_BREAK.join(block.split("\n")) + "</p>" for block in blocks if block)
    )


def content_body(content: dict) -> Markup:
    """A content section's body: its sanitised HTML when that has any, else its text."""
    return _content_body(content.get("html"), content.get("text"))


# Every action page is rendered once per UI language from the same texts.
@functools.lru_cache(maxsize=256)
def _content_body(html: str | None, text: str | None) -> Markup:
    if html:
        cleaned = sanitize_html(html)
        if cleaned:
            # Safe to mark: sanitize_html keeps only attribute-free structure tags.
            return Markup(cleaned)
    return paragraphs(text)


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain absolute http(s) link, else None (shown without a link).

    Harvested URLs could say ``javascript:`` or hide one behind whitespace; only what is
    unmistakably a web address becomes an href.
    """
    if not url or _CONTROL_OR_SPACE.search(url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in _LINKABLE_SCHEMES or not parts.netloc:
        return None
    return url


def localized(value, language: str) -> str:
    """A name that may be ``{"fi": ..., "sv": ...}``: the UI language, else the first given."""
    return localized_with_language(value, language)[0]


def localized_with_language(
    value, language: str, default_language: str | None = None
) -> tuple[str, str | None]:
    """The name to show and the language it is in (``default_language`` for a plain string).

    English pages show the name in the first language given (the municipality's majority
    language), as English text about Finland does: "Kristinestad", "Vaasa".
    """
    if value is None:
        return "", None
    if isinstance(value, dict):
        if value.get(language):
            return value[language], language
        for code, text in value.items():
            if text:
                return text, code
        return "", None
    return str(value), default_language


def other_language(content_language: str | None, ui_language: str) -> str | None:
    """The ``lang`` to put on content written in another language than the UI, if any."""
    if content_language and _LANGUAGE_CODE.match(content_language):
        return content_language if content_language != ui_language else None
    return None


def section_layout(contents: list[dict]) -> list[tuple[dict, ...]]:
    """The sections in order, except that the proposal joins the decision it led to.

    ``[(presentation,), (proposal, decision), (appeal,)]``. The pair is shown side by side
    on wide screens, so the reader can compare what was proposed with what was decided;
    sections between them (the proceedings) come before the pair.
    """
    proposal_index = decision_index = None
    for index, content in enumerate(contents):
        if content.get("type") == ContentType.PROPOSAL:
            proposal_index = index
        elif content.get("type") == ContentType.DECISION and proposal_index is not None:
            decision_index = index
            break
    if decision_index is None:
        return [(content,) for content in contents]
    return [
        (contents[proposal_index], content) if index == decision_index else (content,)
        for index, content in enumerate(contents)
        if index != proposal_index
    ]


def schema_description(item, language: str) -> tuple[str, str] | None:
    """A schema table's or field's description (transform/schema_docs.py) as
    ``(text, language)``: the UI language's when the docs have one, else English."""
    for code in (language, "en", "fi"):
        text = getattr(item, code, "")
        if text:
            return text, code
    return None


def schema_terms(item, language: str) -> list[tuple[str, str]]:
    """The words the source documents use (``"pöytäkirja / protokoll"``), as
    ``[(text, language)]``: the UI language's on Finnish and Swedish pages, both in English."""
    words = [word.strip() for word in (getattr(item, "term", "") or "").split("/")]
    by_language = {code: word for code, word in zip(("fi", "sv"), words, strict=False) if word}
    if language in by_language:
        return [(by_language[language], language)]
    return list((word, code) for code, word in by_language.items())


def _enum_label_filter(labels: dict, language: str):
    """A schema enum value's label in the environment's language (one per language)."""
    translate = i18n.translator(language)

    def label(value: str | None) -> str:
        message_id = i18n.enum_label(labels, value)
        return translate(message_id) if message_id else ""

    return label


def _in_language(format_function, language: str):
    """A formatter as a filter that formats in the environment's language. Bound when the
    environment is made, not read from the page (a pass_context call costs more)."""

    def formatted(value) -> str:
        return format_function(value, language)

    return formatted


def translated_in(language: str, message_id: str) -> str:
    """A UI string in a given language, whatever the page's (the root page describes each
    language choice in its own language). The message id is also used with _() elsewhere,
    so the catalogues hold it."""
    return i18n.translator(language)(message_id)


def register_filters(environment: Environment, language: str) -> None:
    """The filters and globals of one UI language's environment."""
    environment.filters.update(
        {
            "date": _in_language(format_date, language),
            "datetime": _in_language(format_datetime, language),
            "number": _in_language(format_number, language),
            "bytes": _in_language(format_bytes, language),
            "iso_date": iso_date,
            "year": year_of,
            "paragraphs": paragraphs,
            "content_body": content_body,
            "safe_url": safe_url,
            "outcome_label": _enum_label_filter(i18n.OUTCOME_LABELS, language),
            "outcome_phrase": _enum_label_filter(i18n.OUTCOME_PHRASES, language),
            "dump_format_label": _enum_label_filter(i18n.DUMP_FORMAT_LABELS, language),
            "dump_table_label": _enum_label_filter(i18n.DUMP_TABLE_LABELS, language),
            "content_type_label": _enum_label_filter(i18n.CONTENT_TYPE_LABELS, language),
            "document_kind_label": _enum_label_filter(i18n.DOCUMENT_KIND_LABELS, language),
            "classification_label": _enum_label_filter(i18n.CLASSIFICATION_LABELS, language),
            "redaction_label": _enum_label_filter(i18n.REDACTION_LABELS, language),
            "topic_label": _enum_label_filter(i18n.TOPIC_LABELS, language),
            "topic_slug": topic_slug,
            "harvest_error_label": _in_language(harvest_error_label, language),
        }
    )
    environment.globals.update(
        {
            "localized": localized,
            "localized_with_language": localized_with_language,
            "other_language": other_language,
            "language_name": i18n.language_name,
            "translated_in": translated_in,
            "ui_languages": i18n.UI_LANGUAGES,
            "section_layout": section_layout,
            "schema_description": schema_description,
            "schema_terms": schema_terms,
            "topics": TOPICS,
        }
    )
