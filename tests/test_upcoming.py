"""Upcoming meetings: pages and iCalendar files from agendas published before their
meeting, checked with the icalendar package (RFC 5545)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
import lxml.html
import pytest

from site_builder.build import build_site
from site_builder.calendar import calendar, fold
from tests.harvesting import avoin
from transform.publishing import PublishingPolicy
from transform.store import Store

HELSINKI = ZoneInfo("Europe/Helsinki")
# The demo's recorded agendas without minutes are for meetings in late November 2026.
BEFORE_THEM = date(2026, 11, 16)


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    folded = fold("DESCRIPTION:" + "ä" * 100)
    lines = folded.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "".join(line.removeprefix(" ") for line in lines) == "DESCRIPTION:" + "ä" * 100


def test_a_calendar_with_text_that_needs_escaping_parses_back():
    text = calendar(
        "Kaupunginhallitus; talous, ja muu",
        [
            {
                "id": "x:meeting:1",
                "start": "2026-11-17T16:00:00+02:00",
                "summary": "Kaupunginhallitus 12/2026; tärkeä, kiireinen",
                "description": "Esityslista\n§ 1 Asia, jossa on; merkkejä\\",
                "url": "https://a/b/",
                "stamp": "2026-11-10T08:00:00+00:00",
            }
        ],
    )
    parsed = icalendar.Calendar.from_ical(text)
    event = parsed.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Kaupunginhallitus 12/2026; tärkeä, kiireinen"
    assert str(event["DESCRIPTION"]) == "Esityslista\n§ 1 Asia, jossa on; merkkejä\\"
    assert event.decoded("DTSTART") == datetime(2026, 11, 17, 16, 0, tzinfo=HELSINKI)
    assert all(line.endswith("\r") or not line for line in text.split("\n")[:-1])


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("upcoming")
    result = avoin("demo", "--out", tmp / "public", "--data-dir", tmp / "data")
    assert result.returncode == 0, result.stderr
    return tmp


def _build(demo, today: date, name: str):
    out = demo / name
    with Store(demo / "data" / "avoin.sqlite") as store:
        build_site(store, out, policy=PublishingPolicy(today=today))
        agendas = [meeting for meeting in store.meetings() if meeting["document_kind"] == "agenda"]
    return out, agendas


@pytest.mark.slow
def test_calendars_list_the_meetings_still_to_come_and_drop_the_past(demo):
    out, agendas = _build(demo, BEFORE_THEM, "before")
    coming = {
        meeting["id"]: meeting
        for meeting in agendas
        if meeting["start"][:10] >= BEFORE_THEM.isoformat()
    }
    assert len(coming) >= 2
    towns = {meeting_id.split(":")[0] for meeting_id in coming}
    for town in towns:
        parsed = icalendar.Calendar.from_ical((out / "fi" / town / "calendar.ics").read_text())
        events = parsed.walk("VEVENT")
        expected = [meeting for meeting in coming.values() if meeting["municipality"] == town]
        assert sorted(map(str, (event.decoded("DTSTART") for event in events))) == sorted(
            str(_start(meeting["start"])) for meeting in expected
        )
        for event in events:
            assert "/meeting/" in str(event["URL"]) and str(event["UID"]).endswith("@avoin")
            assert str(event["URL"]) in str(event["DESCRIPTION"])
        for meeting in expected:
            organ = meeting["organization"].split(":")[2]
            organ_calendar = icalendar.Calendar.from_ical(
                (out / "sv" / town / "org" / organ / "calendar.ics").read_text()
            )
            assert len(organ_calendar.walk("VEVENT")) == sum(
                other["organization"] == meeting["organization"] for other in expected
            )
            page = lxml.html.fromstring(
                (out / "en" / town / "upcoming" / "index.html").read_bytes()
            )
            assert f"/en/{town}/meeting/" in lxml.html.tostring(page, encoding="unicode")

    later, _ = _build(demo, date(2026, 12, 31), "after")
    for town in towns:
        parsed = icalendar.Calendar.from_ical((later / "fi" / town / "calendar.ics").read_text())
        assert parsed.walk("VEVENT") == []  # past meetings drop off; the file stays valid
        page = (later / "fi" / town / "upcoming" / "index.html").read_text("utf-8")
        assert "Tulevia kokouksia ei ole julkaistu." in page


def _start(value: str):
    """A day's meeting is a date; a meeting with a time an aware datetime."""
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value).astimezone(HELSINKI)


@pytest.mark.slow
def test_the_upcoming_page_lists_each_meetings_agenda_items(demo):
    out, agendas = _build(demo, BEFORE_THEM, "items")
    meeting = min(
        (m for m in agendas if m["start"][:10] >= BEFORE_THEM.isoformat()), key=lambda m: m["start"]
    )
    with Store(demo / "data" / "avoin.sqlite") as store:
        titles = [
            action["title"]
            for action in store.actions(meeting["municipality"])
            if action["meeting"] == meeting["id"] and action.get("article_number")
        ]
    town = meeting["municipality"]
    page = lxml.html.fromstring((out / "fi" / town / "upcoming" / "index.html").read_bytes())
    listed = [li.text_content() for li in page.cssselect("main ol.record-list li")]
    assert titles and all(any(title in entry for entry in listed) for title in titles)
