"""The records a build may show: every record read from the store goes through the
publishing rules (transform/publishing.py, remembered by transform/published_forms.py)
before any page sees it.

``publishable`` returns None for a record that must not be shown (a takedown) or a copy
with what must not be shown removed (personal data after the retention period). Earlier
versions of an action are records too and pass through the same rules. What is left is
made complete for the templates (records.py).
"""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from datetime import date

from site_builder.records import complete
from transform.published_forms import PublishedForms
from transform.publishing import PublishingPolicy
from transform.schema import RecordType
from transform.topics import KeywordMemo


@dataclass
class MunicipalityRecords:
    """One municipality's publishable records, tombstones included, in store order."""

    municipality: dict
    organizations: list[dict]
    meetings: list[dict]
    actions: list[dict]
    # Only actions that changed have an entry: their earlier versions, oldest first.
    earlier_versions: dict[str, list[dict]] = field(default_factory=dict)
    # The build's today (the publishing policy's): what is still upcoming.
    today: date | None = None
    # The items' topics, remembered across builds (transform/topics.py).
    keyword_memo: KeywordMemo | None = None


class PublishedStore:
    """Reads the store through the publishing rules and counts what they withheld."""

    def __init__(self, store, policy: PublishingPolicy):
        self.store = store
        self.policy = policy
        self.withheld = 0  # records not shown at all (takedowns)
        self.redactions: collections.Counter = collections.Counter()
        self.forms = PublishedForms(store, policy)
        self.keyword_memo = KeywordMemo(store)

    def municipalities(self) -> list[dict]:
        return [
            _main_language_name_first(municipality)
            for municipality in self._publish(RecordType.MUNICIPALITY, self.store.municipalities())
        ]

    def municipality_records(self, municipality: dict) -> MunicipalityRecords:
        municipality_id = municipality["id"]
        # Withdrawn records keep their page as a tombstone ("removed by the source on DATE",
        # without the text; publishing-rules.md 2): their ids were public and may be cited.
        actions = self._publish(
            RecordType.ACTION,
            self.store.actions(municipality=municipality_id, include_withdrawn=True),
        )
        return MunicipalityRecords(
            municipality=municipality,
            today=self.policy.today,
            keyword_memo=self.keyword_memo,
            organizations=self._publish(
                RecordType.ORGANIZATION,
                self.store.organizations(municipality=municipality_id, include_withdrawn=True),
            ),
            meetings=self._publish(
                RecordType.MEETING,
                self.store.meetings(municipality=municipality_id, include_withdrawn=True),
            ),
            actions=actions,
            earlier_versions={
                action["id"]: versions
                for action in actions
                if (versions := self._earlier_versions(action["id"]))
            },
        )

    def _earlier_versions(self, action_id: str) -> list[dict]:
        """The store lists versions oldest first ending with the current one, which the
        action page itself shows; an action that never changed has none earlier."""
        versions = self.store.action_versions(action_id)
        return self._publish(RecordType.ACTION, versions[:-1])

    def _publish(self, record_type: RecordType, records: list[dict]) -> list[dict]:
        shown = []
        for record in records:
            published = self.forms.publish(record_type, record, self.redactions)
            if published is None:
                self.withheld += 1
            else:
                shown.append(complete(record_type, published))
        return shown

    def save(self) -> None:
        """Remember the published forms computed in this build (transform/published_forms.py)
        and the items' keyword tags."""
        self.forms.save()
        self.keyword_memo.save()


def _main_language_name_first(municipality: dict) -> dict:
    """Names in the municipality's main language first: a page in a language the name is
    not given in (English) shows that one, "Kristinestad" rather than "Kristiinankaupunki",
    as English texts about Finland do."""
    name, languages = municipality["name"], municipality["languages"] or []
    if not isinstance(name, dict):
        return municipality
    ordered = {code: name[code] for code in languages if code in name}
    return {**municipality, "name": {**ordered, **name}}
