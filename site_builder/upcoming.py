"""What is coming up: agendas published before their meeting, as an "upcoming meetings"
page per town (``vaasa/upcoming/``) and per organ (``vaasa/org/4122/upcoming/``), and as
iCalendar files to subscribe to (``vaasa/calendar.ics``, ``vaasa/org/4122/calendar.ics``).

A meeting is upcoming from its agenda's publication until its day: the build's today (the
publishing policy's) decides, so past meetings drop off at the next build.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from site_builder.calendar import calendar
from site_builder.filters import format_datetime, localized
from site_builder.i18n import translator
from site_builder.paths import sub_page_path
from transform.schema import DocumentKind

UPCOMING_SEGMENT = "upcoming"
CALENDAR_FILE = "calendar.ics"


def upcoming_meetings(meetings: list[dict], today: date | None) -> list[dict]:
    """Agendas of meetings on or after ``today``, soonest first."""
    day = (today or date.today()).isoformat()
    return sorted(
        (
            meeting
            for meeting in meetings
            if meeting.get("document_kind") == DocumentKind.AGENDA
            and not meeting.get("withdrawn_at")
            and meeting.get("start")
            and meeting["start"][:10] >= day
        ),
        key=lambda meeting: (meeting["start"], meeting["id"]),
    )


def calendar_path(record_path: str) -> str:
    return sub_page_path(record_path, file_name=CALENDAR_FILE)


def upcoming_path(record_path: str) -> str:
    return sub_page_path(record_path, UPCOMING_SEGMENT)


def build_upcoming(builder, actions_by_meeting: dict[str, list[dict]]) -> None:
    """The town's and each organ's upcoming page and calendar (``builder``: the
    municipality's page builder, site_builder/municipality_pages.py)."""
    records = builder.records
    upcoming = upcoming_meetings(records.meetings, records.today)
    agenda = {
        meeting["id"]: [
            action
            for action in actions_by_meeting.get(meeting["id"], [])
            if action.get("article_number")
        ]
        for meeting in upcoming
    }
    town_path = builder.renderer.urls.page_path(records.municipality["id"])
    _page_and_calendar(builder, town_path, upcoming, agenda, organization=None)
    by_organ = defaultdict(list)
    for meeting in upcoming:
        by_organ[meeting["organization"]].append(meeting)
    for organization in records.organizations:
        if organization.get("classification") == "officeholder":
            continue  # an officeholder holds no meetings
        organ_path = builder.renderer.urls.page_path(organization["id"])
        _page_and_calendar(
            builder, organ_path, by_organ.get(organization["id"], []), agenda, organization
        )


def _page_and_calendar(
    builder, record_path: str, meetings: list[dict], agenda: dict, organization: dict | None
) -> None:
    municipality = builder.records.municipality
    ics_path = calendar_path(record_path)
    builder.render(
        upcoming_path(record_path),
        "upcoming.html",
        {
            "meetings": [(meeting, agenda[meeting["id"]]) for meeting in meetings],
            "upcoming_organization": organization,
            "calendar_path": ics_path,
            "record_path": record_path,
        },
    )
    organization_by_id = builder.renderer.shared_context["organization_by_id"]

    def make_calendar(language, urls):
        _ = translator(language)
        owner = organization["name"] if organization else municipality["name"]
        events = [
            _event(meeting, agenda[meeting["id"]], language, urls, organization_by_id, _)
            for meeting in meetings
        ]
        return calendar(_("%(name)s: upcoming meetings", name=localized(owner, language)), events)

    builder.renderer.render_text(ics_path, make_calendar)


def _event(
    meeting: dict, items: list[dict], language: str, urls, organization_by_id: dict, _
) -> dict:
    organ = organization_by_id.get(meeting["organization"])
    name = localized(organ["name"], language) if organ else ""
    summary = f"{name} {meeting.get('number') or ''}".strip()
    url = urls.absolute(urls.record(meeting["id"]))
    lines = [_("Agenda: %(url)s", url=url), format_datetime(meeting["start"], language)]
    lines += [f"§ {item['article_number']} {item.get('title') or ''}".strip() for item in items]
    return {
        "id": meeting["id"],
        "start": meeting["start"],
        "summary": summary or url,
        "description": "\n".join(lines),
        "url": url,
        "stamp": meeting.get("first_seen") or meeting.get("fetched_at") or meeting["start"],
    }
