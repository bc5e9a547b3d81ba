"""iCalendar (RFC 5545) files of upcoming meetings: one event per meeting, with its agenda.

Written by hand, not with a library: the format is a few lines, and the bytes must not
change between builds when the meetings did not (DTSTAMP is the agenda's first sighting,
not the build time). Lines end in CRLF and are folded at 75 octets; text is escaped. A
calendar always holds the Helsinki time zone, so a town with no upcoming meeting still
has a valid file to subscribe to (RFC 5545 wants at least one component).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from site_builder.feeds import _as_datetime, record_urn

PRODUCT_ID = "-//Avoin//Municipal decisions//EN"
TIME_ZONE = "Europe/Helsinki"
FOLD_AT = 75  # octets per line, CRLF excluded
_HELSINKI = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TIME_ZONE}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "DTSTART:19700329T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "DTSTART:19701025T040000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def calendar(name: str, events: list[dict]) -> str:
    """``events``: ``{"id", "start" (ISO with offset), "summary", "description", "url",
    "stamp" (ISO)}``."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(name)}",
        *_HELSINKI,
    ]
    for event in events:
        lines += _event(event)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(event: dict) -> list[str]:
    uid = str(uuid.UUID(record_urn(event["id"]).removeprefix("urn:uuid:")))
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}@avoin",
        f"DTSTAMP:{_utc(event['stamp'])}",
        _start(event["start"]),
        f"SUMMARY:{escape_text(event['summary'])}",
        f"DESCRIPTION:{escape_text(event['description'])}",
        f"URL:{event['url']}",
        "END:VEVENT",
    ]


def _start(value: str) -> str:
    """A meeting known only by its day (some platforms give no time) is a day's event."""
    if len(value) == 10:
        return f"DTSTART;VALUE=DATE:{value.replace('-', '')}"
    start = datetime.fromisoformat(value)
    local = start.astimezone(_helsinki()) if start.tzinfo else start
    return f"DTSTART;TZID={TIME_ZONE}:{local.strftime('%Y%m%dT%H%M%S')}"


def _helsinki():
    from zoneinfo import ZoneInfo

    return ZoneInfo(TIME_ZONE)


def _utc(value: str) -> str:
    return _as_datetime(value).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def escape_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    parts, current = [], b""
    for character in line:
        encoded = character.encode("utf-8")
        limit = FOLD_AT if not parts else FOLD_AT - 1  # continuation lines start with a space
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)
