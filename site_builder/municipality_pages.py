"""Every page and feed of one municipality: the municipality, its organs (with a page per
year), meetings, actions (with a page per earlier version), and Atom feeds.

Lists that can grow without bound are split so no page outgrows the size bar: an organ
page shows the latest entries and links to one page per year, and a year with more than
``LIST_PAGE_SIZE`` entries continues on numbered pages (``2017/``, ``2017/2/``, ...).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from site_builder.feeds import FEED_SIZE, atom_feed
from site_builder.filters import localized, year_of
from site_builder.item_pages import (
    SiteItems,
    items_by_organization,
    linked_history,
    meeting_count,
    site_items,
    text_versions,
    with_twin_names,
)
from site_builder.meeting_facts import meeting_facts
from site_builder.paths import FEED_FILE, sub_page_path
from site_builder.published import MunicipalityRecords
from site_builder.renderer import PageRenderer
from site_builder.sitemap import SitemapCollector
from site_builder.status import archive_reach
from site_builder.topic_pages import build_town_topic_pages, decisions_by_topic
from site_builder.upcoming import build_upcoming, upcoming_path
from transform.items import organ_twins
from transform.progress import Progress
from transform.topics import TOPICS

LATEST_MEETINGS_ON_MUNICIPALITY = 20
LATEST_ON_ORGANIZATION = 20
LIST_PAGE_SIZE = 200
LATEST_FOR_HOME = 50  # each municipality's share of the home page's latest decisions
UNDATED_SEGMENT = "undated"
VERSION_SEGMENT = "version"


def build_municipality_pages(
    records: MunicipalityRecords, renderer: PageRenderer, sitemap: SitemapCollector
) -> tuple[list[dict], dict[str, list[dict]]]:
    """Writes the municipality's pages; returns its latest decisions (items) for the home
    page and its latest items per topic for the all-towns topic pages."""
    municipality = records.municipality
    items = site_items(
        municipality,
        records.organizations,
        records.meetings,
        records.actions,
        records.keyword_memo,
    )
    twins = organ_twins(records.organizations)  # by the names as published
    records.organizations = with_twin_names(
        records.organizations, records.meetings, records.actions
    )
    renderer.shared_context["municipality_by_id"][municipality["id"]] = municipality
    renderer.shared_context["organization_by_id"].update(
        (organization["id"], organization) for organization in records.organizations
    )
    page_context = {
        "municipality": municipality,
        "meeting_by_id": {meeting["id"]: meeting for meeting in records.meetings},
        "action_by_id": {action["id"]: action for action in records.actions},
        "item_of_action": items.item_of_action,
    }
    builder = _MunicipalityBuilder(records, renderer, sitemap, page_context, items, twins)
    builder.action_pages()
    builder.item_pages()
    builder.matter_pages()
    builder.meeting_pages()
    builder.organization_pages()
    builder.municipality_page()
    build_upcoming(builder, group_by(records.actions, "meeting"))
    topics = build_town_topic_pages(
        renderer, sitemap, municipality, items.decisions(), page_context["meeting_by_id"]
    )
    renderer.fingerprints.forget_records()
    return items.decisions()[:LATEST_FOR_HOME], topics


class _MunicipalityBuilder:
    def __init__(
        self,
        records: MunicipalityRecords,
        renderer: PageRenderer,
        sitemap: SitemapCollector,
        page_context: dict,
        items: SiteItems,
        twins: dict[str, list[str]],
    ):
        self.records = records
        self.items = items
        self.twins = twins  # organ id -> the organs of the same body (itself included)
        self.renderer = renderer
        self.sitemap = sitemap
        self.page_context = page_context
        self.municipality_id = records.municipality["id"]

    def render(self, path: str, template_name: str, context: dict, lastmod=None) -> None:
        self.renderer.render(path, template_name, {**self.page_context, **context})
        self.sitemap.add(self.municipality_id, path, lastmod)

    def action_pages(self) -> None:
        with Progress(
            f"build {self.municipality_id}", total=len(self.records.actions), unit="decisions"
        ) as progress:
            for action in self.records.actions:
                self._action_page(action)
                progress.advance()

    def _action_page(self, action: dict) -> None:
        path = self.renderer.urls.page_path(action["id"])
        versions = self.records.earlier_versions.get(action["id"], [])
        version_links = [
            (version, sub_page_path(path, VERSION_SEGMENT, version["version"]))
            for version in versions
        ]
        pages = [path, *(version_path for _, version_path in version_links)]
        if self.renderer.fingerprints.unchanged(
            action["id"], self._inputs(action, versions)
        ) and self.renderer.keep(pages):
            for page in pages:
                self.sitemap.add(
                    self.municipality_id, page, action.get("fetched_at") if page == path else None
                )
            return
        # Paths, not URLs: the same context renders every language's tree.
        self.render(
            path,
            "action.html",
            {
                "action": action,
                "earlier_versions": list(reversed(version_links)),
                "history": self._history(action),
            },
            lastmod=action.get("fetched_at"),
        )
        for version, version_path in version_links:
            self.render(version_path, "action_version.html", {"action": action, "version": version})

    def _history(self, action: dict) -> list[dict]:
        """The document's earlier handling, linked to the items in the archive."""
        item = self.items.item_of_action.get(action["id"])
        if item is None:  # a tombstone: no item, the steps as written
            return [{**step, "item": None} for step in action.get("history") or ()]
        return linked_history(
            action,
            item,
            self.items.items_of_matter(item["matter"]),
            self.renderer.shared_context["organization_by_id"],
        )

    def _inputs(self, action: dict, versions: list[dict]) -> dict:
        """Everything an action's pages show besides the code (fingerprints.py)."""
        organization_by_id = self.renderer.shared_context["organization_by_id"]
        action_by_id = self.page_context["action_by_id"]
        organization_ids = {
            action["organization"],
            *(step.get("organization") for step in action["history"] or ()),
        }
        digest = self.renderer.fingerprints.record_digest
        return {
            "action": digest(action),
            "versions": [digest(version) for version in versions],
            "municipality": self.records.municipality,
            "organizations": [
                organization_by_id.get(organization_id)
                for organization_id in sorted(filter(None, organization_ids))
            ],
            "meeting": self.page_context["meeting_by_id"].get(action["meeting"]),
            "translations": [
                digest(action_by_id.get(item["id"])) for item in action["translations"]
            ],
            "item": digest(self.items.item_of_action.get(action["id"])),
            "history": self._history(action),
        }

    def item_pages(self) -> None:
        """One page per item: the decision first, then its documents and the rest."""
        action_by_id = self.page_context["action_by_id"]
        organization_by_id = self.renderer.shared_context["organization_by_id"]
        for item in self.items.items:
            shown = action_by_id[item["decision_document"]]
            matter_items = self.items.items_of_matter(item["matter"])
            path = self.renderer.urls.page_path(item["id"])
            documents = [action_by_id[document["action"]] for document in item["documents"]]
            inputs = self._item_inputs(item, documents, matter_items)
            if self.renderer.fingerprints.unchanged(item["id"], inputs) and self.renderer.keep(
                [path]
            ):
                self.sitemap.add(self.municipality_id, path, item["fetched_at"])
                continue
            self.render(
                path,
                "item.html",
                {
                    "item": item,
                    "text_versions": text_versions(item, action_by_id),
                    "documents": [
                        (document, action_by_id[document["action"]])
                        for document in item["documents"]
                    ],
                    "history": linked_history(shown, item, matter_items, organization_by_id),
                    "matter": self.items.matter_by_id.get(item["matter"]),
                    "matter_items": matter_items,
                },
                lastmod=item["fetched_at"],
            )

    def _item_inputs(self, item: dict, documents: list[dict], matter_items: list[dict]) -> dict:
        """Everything an item page shows besides the code (fingerprints.py): the item, its
        documents, the matter's other handlings, and the organs and meeting it names."""
        organization_by_id = self.renderer.shared_context["organization_by_id"]
        organization_ids = {
            item["organization"],
            *(handling["organization"] for handling in matter_items),
            *(
                step.get("organization")
                for document in documents
                for step in document.get("history") or ()
            ),
        }
        digest = self.renderer.fingerprints.record_digest
        return {
            "item": digest(item),
            "documents": [digest(document) for document in documents],
            "matter_items": [digest(handling) for handling in matter_items],
            "municipality": self.records.municipality,
            "organizations": [
                organization_by_id.get(organization_id)
                for organization_id in sorted(filter(None, organization_ids))
            ],
            "meeting": self.page_context["meeting_by_id"].get(item["meeting"]),
        }

    def matter_pages(self) -> None:
        """One page and one feed per matter: every handling, oldest first; kept as they
        are when what they show did not change (most matters, most nights)."""
        for matter in self.items.matters:
            path = self.renderer.urls.page_path(matter["id"])
            handled = self.items.items_of_matter(matter["id"])
            feed_path = sub_page_path(path, file_name=FEED_FILE)
            if self.renderer.fingerprints.unchanged(
                matter["id"], self._matter_inputs(matter, handled)
            ) and self.renderer.keep([path, feed_path]):
                self.sitemap.add(self.municipality_id, path)
                continue
            self.render(
                path,
                "matter.html",
                {
                    "matter": matter,
                    "handlings": handled,
                    "feed_path": sub_page_path(path, file_name=FEED_FILE),
                },
            )
            self._feed(path, matter["title"] or matter["register_id"], list(reversed(handled)))

    def _matter_inputs(self, matter: dict, handled: list[dict]) -> dict:
        """Everything a matter's page and feed show besides the code (fingerprints.py):
        the matter, its handlings, and the organs and meetings they name."""
        return {
            "matter": matter,
            "handlings": [self.renderer.fingerprints.record_digest(item) for item in handled],
            "municipality": self.records.municipality,
            "organizations": [self._organization(item) for item in handled],
            "meetings": [
                self.page_context["meeting_by_id"].get(item["meeting"]) for item in handled
            ],
        }

    def render_if_changed(
        self, key: str, path: str, template_name: str, context: dict, inputs: dict
    ) -> None:
        """Render unless the page's inputs are those of the last build and it is there.

        ``inputs``: everything the page shows besides the code (fingerprints.py); names
        looked up in the shared context (organs, the municipality) must be in it."""
        if self.renderer.fingerprints.unchanged(key, inputs) and self.renderer.keep([path]):
            self.sitemap.add(self.municipality_id, path)
            return
        self.render(path, template_name, context)

    def meeting_pages(self) -> None:
        actions_by_meeting = group_by(self.records.actions, "meeting")
        counterparts = counterpart_meetings(self.records.meetings)
        for meeting in self.records.meetings:
            actions = in_agenda_order(actions_by_meeting.get(meeting["id"], []))
            context = {
                "meeting": meeting,
                "counterpart": counterparts.get(meeting["id"]),
                "actions": actions,
                "facts": meeting_facts(actions, meeting),
            }
            self.render_if_changed(
                meeting["id"],
                self.renderer.urls.page_path(meeting["id"]),
                "meeting.html",
                context,
                {
                    **context,
                    "actions": [
                        self.renderer.fingerprints.record_digest(action)
                        for action in context["actions"]
                    ],
                    "municipality": self.records.municipality,
                    "organization": self._organization(meeting),
                    # the page links items by id only
                    "items": [self._item_id(action) for action in context["actions"]],
                },
            )

    def _item_id(self, action: dict) -> str | None:
        item = self.items.item_of_action.get(action["id"])
        return item["id"] if item else None

    def organization_pages(self) -> None:
        meetings_by_organization = group_by(self.records.meetings, "organization")
        decisions = self.items.decisions()
        decisions_by_organization = items_by_organization(
            [item for item in decisions if not item["meeting"]]
        )
        items_of_organization = items_by_organization(decisions)
        for organization in self.records.organizations:
            # One body in two languages: either organ's page lists both's meetings.
            meetings = newest_first(
                [
                    meeting
                    for twin in self.twins.get(organization["id"], [organization["id"]])
                    for meeting in meetings_by_organization.get(twin, [])
                ]
            )
            decisions = decisions_by_organization.get(organization["id"], [])
            path = self.renderer.urls.page_path(organization["id"])
            years = self._year_pages(organization, path, meetings, decisions)
            self.render(
                path,
                "organization.html",
                {
                    "organization": organization,
                    "years": years,
                    "latest_meetings": meetings[:LATEST_ON_ORGANIZATION],
                    "latest_decisions": decisions[:LATEST_ON_ORGANIZATION],
                    # What the organ decided in its meetings, each item once.
                    "latest_items": [
                        item
                        for item in items_of_organization.get(organization["id"], [])
                        if item["meeting"]
                    ][:LATEST_ON_ORGANIZATION],
                    "feed_path": sub_page_path(path, file_name=FEED_FILE),
                    "upcoming_path": upcoming_path(path),
                },
            )
            self._feed(
                path, organization["name"], items_of_organization.get(organization["id"], [])
            )

    def _year_pages(
        self, organization: dict, path: str, meetings: list[dict], decisions: list[dict]
    ) -> list[tuple]:
        """One page per year (continued on numbered pages when long); returns
        ``[(year, page path, meeting count, decision count)]`` newest first for the organ
        page."""
        meetings_by_year = dict(by_year(meetings, "start"))
        decisions_by_year = dict(by_year(decisions, "date"))
        years = sorted(
            set(meetings_by_year) | set(decisions_by_year),
            key=lambda year: (year is None, -(year or 0)),
        )
        summary = []
        for year in years:
            year_meetings = meetings_by_year.get(year, [])
            year_decisions = decisions_by_year.get(year, [])
            segment = year or UNDATED_SEGMENT
            page_count = max(
                math.ceil(len(year_meetings) / LIST_PAGE_SIZE),
                math.ceil(len(year_decisions) / LIST_PAGE_SIZE),
                1,
            )
            page_paths = [
                sub_page_path(path, segment, *([number] if number > 1 else []))
                for number in range(1, page_count + 1)
            ]
            for index, page in enumerate(page_paths):
                window = slice(index * LIST_PAGE_SIZE, (index + 1) * LIST_PAGE_SIZE)
                context = {
                    "organization": organization,
                    "year": year,
                    "meetings": year_meetings[window],
                    "decisions": year_decisions[window],
                    "page_number": index + 1,
                    "page_paths": page_paths,
                }
                self.render_if_changed(
                    page,
                    page,
                    "organization_year.html",
                    context,
                    {
                        **context,
                        "decisions": [
                            self.renderer.fingerprints.record_digest(item)
                            for item in year_decisions[window]
                        ],
                        "municipality": self.records.municipality,
                        "organizations": self._organizations_of(year_decisions[window]),
                    },
                )
            summary.append((year, page_paths[0], meeting_count(year_meetings), len(year_decisions)))
        return summary

    def _organization(self, record: dict) -> dict | None:
        return self.renderer.shared_context["organization_by_id"].get(record.get("organization"))

    def _organizations_of(self, records: list[dict]) -> list[dict | None]:
        organization_by_id = self.renderer.shared_context["organization_by_id"]
        shown = {record["organization"] for record in records if record.get("organization")}
        return [organization_by_id.get(organization_id) for organization_id in sorted(shown)]

    def municipality_page(self) -> None:
        municipality = self.records.municipality
        path = self.renderer.urls.page_path(municipality["id"])
        self.render(
            path,
            "municipality.html",
            {
                # A body in two languages once: its first organ stands for both.
                "organizations": [
                    organization
                    for organization in self.records.organizations
                    if min(self.twins.get(organization["id"], [organization["id"]]))
                    == organization["id"]
                ],
                "latest_meetings": self.records.meetings[:LATEST_MEETINGS_ON_MUNICIPALITY],
                "latest_items": self.items.decisions()[:LATEST_MEETINGS_ON_MUNICIPALITY],
                "feed_path": sub_page_path(path, file_name=FEED_FILE),
                # How far back the town reaches (an imported back catalogue reaches further
                # than what the town still shows): the status page's reckoning.
                "reach": archive_reach(self.records.meetings).get(self.municipality_id),
                "upcoming_path": upcoming_path(path),
                "town_topics": [
                    info
                    for info in TOPICS
                    if info.topic.value in decisions_by_topic(self.items.decisions())
                ],
            },
        )
        self._feed(path, municipality["name"], self.items.decisions())

    def _feed(self, page_path: str, name, actions: list[dict]) -> None:
        """The latest decisions (items) of a municipality, organ or matter as Atom, in every
        UI language."""
        latest = actions[:FEED_SIZE]
        context = self.renderer.shared_context

        def make_feed(language, urls):
            return atom_feed(
                language,
                urls,
                page_path=page_path,
                feed_path=sub_page_path(page_path, file_name=FEED_FILE),
                title=localized(name, language),
                author=localized(self.records.municipality["name"], language),
                actions=latest,
                organization_by_id=context["organization_by_id"],
                meeting_by_id=self.page_context["meeting_by_id"],
            )

        self.renderer.render_text(sub_page_path(page_path, file_name=FEED_FILE), make_feed)


def counterpart_meetings(meetings: list[dict]) -> dict[str, dict]:
    """The agenda of a meeting and its minutes, each pointing at the other.

    Platforms publish them as separate documents (KTweb: ``<bid>-agenda``/``<bid>-minutes``);
    the same organ, start, number and language make them one meeting whatever the platform
    (a bilingual town's Swedish minutes are a translation, not the counterpart).
    """
    by_meeting: dict[tuple, dict[str, dict]] = defaultdict(dict)
    for meeting in meetings:
        if meeting.get("document_kind") and meeting.get("start") and not meeting["withdrawn_at"]:
            key = (
                meeting["organization"],
                meeting["start"],
                meeting["number"],
                meeting["language"],
            )
            by_meeting[key][meeting["document_kind"]] = meeting
    pairs = {}
    for documents in by_meeting.values():
        if len(documents) == 2:
            first, second = documents.values()
            pairs[first["id"]], pairs[second["id"]] = second, first
    return pairs


def newest_first(meetings: list[dict]) -> list[dict]:
    """Newest start first (ties keep their order), undated last: the store's order."""
    dated = sorted(
        (meeting for meeting in meetings if meeting.get("start")),
        key=lambda meeting: meeting["start"],
        reverse=True,
    )
    return dated + [meeting for meeting in meetings if not meeting.get("start")]


def in_agenda_order(actions: Iterable[dict]) -> list[dict]:
    """Actions by their ordering in the document; unordered ones last, as the store gave them."""
    return sorted(
        actions, key=lambda action: (action.get("ordering") is None, action.get("ordering") or 0)
    )


def by_year(records: list[dict], date_field: str) -> list[tuple[int | None, list[dict]]]:
    """``[(2017, [...]), (2016, [...])]``, newest year first, undated records last."""
    groups: dict[int | None, list[dict]] = defaultdict(list)
    for record in records:
        groups[year_of(record.get(date_field))].append(record)
    return sorted(groups.items(), key=lambda item: (item[0] is None, -(item[0] or 0)))


def group_by(records: Iterable[dict], key: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        if record.get(key):
            groups[record[key]].append(record)
    return groups
