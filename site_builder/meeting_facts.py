"""Place, chair and attendance of a meeting, as its cover page writes them.

KTweb and Dynasty minutes open with a cover page ("Pöytäkirjan kansilehti", "Protokollets
pärm") that lists the meeting's facts line by line: ``Paikka`` / ``Plats`` (place),
``Saapuvilla`` / ``Närvarande`` (who attended, the chair marked ", puheenjohtaja" /
", ordförande"). The meeting page shows them when a cover page gives them; the lines are
kept as written (names and roles run together in the PDF text, so they are not split).
"""

from __future__ import annotations

import re

_PLACE = re.compile(r"^(?:Paikka|Plats)\s+(?P<value>.+)$", re.MULTILINE)
_ATTENDANCE = re.compile(r"^(?:Saapuvilla|Läsnä|Närvarande)\s+(?P<value>.+)$", re.MULTILINE)
_CHAIR = re.compile(r"(?P<name>[^\s,]+(?:\s[^\s,]+)?),\s*(?:puheenjohtaja|ordförande)\b")


def meeting_facts(actions: list[dict], meeting: dict | None = None) -> dict:
    """``{place, chair, attendance, secretary, people, published}``: the meeting record's
    own facts when a whole-meeting document's cover gave them (avoin import), else read
    from the first of its documents that has a place line (its cover page)."""
    if meeting and (meeting.get("attendance") or meeting.get("place")):
        return {
            "place": meeting.get("place"), "chair": meeting.get("chair"), "attendance": None,
            "secretary": meeting.get("secretary"), "people": meeting.get("attendance") or [],
            "published": meeting.get("published"),
        }  # fmt: skip
    return {"secretary": None, "people": [], "published": None, **_facts_from_cover_page(actions)}


def _facts_from_cover_page(actions: list[dict]) -> dict[str, str | None]:
    for action in actions:
        text = "\n".join(content.get("text") or "" for content in action.get("contents") or ())
        place = _PLACE.search(text)
        if place:
            attendance = _ATTENDANCE.search(text)
            chair = _CHAIR.search(attendance.group("value")) if attendance else None
            return {
                "place": place.group("value").strip(),
                "chair": chair.group("name") if chair else None,
                "attendance": attendance.group("value").strip() if attendance else None,
            }
    return {"place": None, "chair": None, "attendance": None}
