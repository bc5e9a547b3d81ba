"""Store -> static site: one page per municipality, organ, meeting and action, plus home and 404.

The store is read one municipality at a time (organs, meetings, actions, and each action's
versions), so memory grows with the largest municipality, not with the archive.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from site_builder import i18n
from site_builder.filters import localized, register_filters, year_of
from site_builder.paths import INDEX_FILE, NOT_FOUND_FILE, STATIC_DIR, SiteUrls
from site_builder.records import complete_all
from site_builder.writer import SiteWriter
from transform.schema import RecordType

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
STATIC_SOURCE_DIR = TEMPLATES_DIR / "static"
LATEST_DECISIONS_ON_HOME = 50
LATEST_MEETINGS_ON_MUNICIPALITY = 20


@dataclass
class BuildReport:
    """What a build did: files written because they changed, and files left as they were."""

    written_paths: list[str] = field(default_factory=list)
    unchanged_paths: list[str] = field(default_factory=list)

    @property
    def written(self) -> int:
        return len(self.written_paths)

    @property
    def unchanged(self) -> int:
        return len(self.unchanged_paths)

    @property
    def pages(self) -> int:
        """All files the build produced, changed or not."""
        return self.written + self.unchanged

    def __str__(self) -> str:
        return f"{self.pages} files, {self.written} written, {self.unchanged} unchanged"


def build_site(
    store,
    out_dir: Path,
    *,
    base_url: str = "/",
    generated_at: datetime | str | None = None,
    language: str = i18n.DEFAULT_LANGUAGE,
) -> BuildReport:
    """Build the whole site from ``store`` into ``out_dir``.

    ``generated_at`` is shown on the home page only, so a rebuild of unchanged data
    rewrites at most that one page.
    """
    municipalities = sorted(
        complete_all(RecordType.MUNICIPALITY, store.municipalities()),
        key=lambda municipality: localized(municipality["name"], language),
    )
    urls = SiteUrls(base_url, [municipality["id"] for municipality in municipalities])
    writer = SiteWriter(out_dir)
    renderer = PageRenderer(urls, writer, language)
    latest_per_municipality = [
        _build_municipality(store, municipality, renderer) for municipality in municipalities
    ]
    renderer.render(INDEX_FILE, "index.html", {
        "municipalities": municipalities,
        "latest_actions": latest_decisions(latest_per_municipality),
        "generated_at": generated_at,
    })
    renderer.render(NOT_FOUND_FILE, "404.html", {})
    _copy_static_files(writer)
    return BuildReport(writer.written, writer.unchanged)


class PageRenderer:
    """Renders templates with the shared context and hands the result to the writer."""

    def __init__(self, urls: SiteUrls, writer: SiteWriter, language: str):
        self.urls = urls
        self.writer = writer
        self.environment = make_environment()
        self.shared_context = {
            "ui_lang": language,
            "_": i18n.translator(language),
            "urls": urls,
            # Filled as municipalities are built; lists on the home page look names up here.
            "municipality_by_id": {},
            "organization_by_id": {},
        }

    def render(self, path: str, template_name: str, context: dict) -> None:
        template = self.environment.get_template(template_name)
        self.writer.write_text(path, template.render({**self.shared_context, **context}))

    def render_record(self, record_id: str, template_name: str, context: dict) -> None:
        self.render(self.urls.page_path(record_id), template_name, context)


def make_environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        # A misspelt field name fails the build instead of rendering as an empty string.
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    register_filters(environment)
    return environment


def _build_municipality(store, municipality: dict, renderer: PageRenderer) -> list[dict]:
    """Every page of one municipality; returns its latest actions for the home page."""
    municipality_id = municipality["id"]
    # Withdrawn records keep their page as a tombstone ("removed by the source on DATE",
    # without the text; publishing-rules.md 2): their ids were public and may be cited.
    organizations = complete_all(RecordType.ORGANIZATION, store.organizations(
        municipality=municipality_id, include_withdrawn=True))
    meetings = complete_all(RecordType.MEETING, store.meetings(
        municipality=municipality_id, include_withdrawn=True))
    actions = complete_all(RecordType.ACTION, store.actions(
        municipality=municipality_id, include_withdrawn=True))
    renderer.shared_context["municipality_by_id"][municipality_id] = municipality
    renderer.shared_context["organization_by_id"].update(
        (organization["id"], organization) for organization in organizations)
    page_context = {
        "municipality": municipality,
        "meeting_by_id": {meeting["id"]: meeting for meeting in meetings},
    }
    _build_action_pages(store, actions, renderer, page_context)
    _build_meeting_pages(meetings, actions, renderer, page_context)
    _build_organization_pages(organizations, meetings, actions, renderer, page_context)
    renderer.render_record(municipality_id, "municipality.html", {
        **page_context, "organizations": organizations,
        "latest_meetings": meetings[:LATEST_MEETINGS_ON_MUNICIPALITY],
    })
    return actions[:LATEST_DECISIONS_ON_HOME]


def _build_action_pages(store, actions, renderer: PageRenderer, page_context: dict) -> None:
    for action in actions:
        versions = complete_all(RecordType.ACTION, store.action_versions(action["id"]))
        renderer.render_record(action["id"], "action.html", {
            **page_context, "action": action, "earlier_versions": earlier_versions(versions),
        })


def _build_meeting_pages(meetings, actions, renderer: PageRenderer, page_context: dict) -> None:
    actions_by_meeting = _group_by(actions, "meeting")
    for meeting in meetings:
        renderer.render_record(meeting["id"], "meeting.html", {
            **page_context, "meeting": meeting,
            "actions": in_agenda_order(actions_by_meeting.get(meeting["id"], [])),
        })


def _build_organization_pages(
    organizations, meetings, actions, renderer: PageRenderer, page_context: dict
) -> None:
    meetings_by_organization = _group_by(meetings, "organization")
    decisions_by_organization = _group_by(actions_without_meeting(actions), "organization")
    for organization in organizations:
        own_meetings = meetings_by_organization.get(organization["id"], [])
        own_decisions = decisions_by_organization.get(organization["id"], [])
        renderer.render_record(organization["id"], "organization.html", {
            **page_context, "organization": organization,
            "meetings_by_year": by_year(own_meetings, "start"),
            "decisions_by_year": by_year(own_decisions, "date"),
        })


def latest_decisions(action_lists: Iterable[list[dict]]) -> list[dict]:
    """The newest actions across municipalities: date descending, agenda order within a day."""
    merged = in_agenda_order(itertools.chain.from_iterable(action_lists))
    merged.sort(key=lambda action: action.get("date") or "", reverse=True)  # stable: keeps order
    return merged[:LATEST_DECISIONS_ON_HOME]


def in_agenda_order(actions: Iterable[dict]) -> list[dict]:
    """Actions by their ordering in the document; unordered ones last, as the store gave them."""
    return sorted(actions, key=lambda action: (action.get("ordering") is None,
                                               action.get("ordering") or 0))


def actions_without_meeting(actions: Iterable[dict]) -> list[dict]:
    """Officeholder decisions: made by one person, not in a meeting."""
    return [action for action in actions if not action.get("meeting")]


def by_year(records: list[dict], date_field: str) -> list[tuple[int | None, list[dict]]]:
    """``[(2017, [...]), (2016, [...])]``, newest year first, undated records last."""
    groups: dict[int | None, list[dict]] = defaultdict(list)
    for record in records:
        groups[year_of(record.get(date_field))].append(record)
    return sorted(groups.items(), key=lambda item: (item[0] is None, -(item[0] or 0)))


def earlier_versions(versions: list[dict]) -> list[dict]:
    """The versions before the current one, newest first; empty when there is only one.

    The store lists versions oldest first, ending with the current one (which the page
    itself shows).
    """
    return list(reversed(versions[:-1]))


def _group_by(records: Iterable[dict], key: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        if record.get(key):
            groups[record[key]].append(record)
    return groups


def _copy_static_files(writer: SiteWriter) -> None:
    for source in sorted(STATIC_SOURCE_DIR.iterdir()):
        if source.is_file():
            writer.write_text(f"{STATIC_DIR}/{source.name}", source.read_text(encoding="utf-8"))
