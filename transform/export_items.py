"""items.csv and matters.csv (and their Excel, JSON lines and Parquet forms): the decisions
as people with a spreadsheet want them, one row per item, plain columns.

Items and matters are derived from the actions (transform/items.py). The export derives
them again from the *published* actions of each municipality, so a withheld or redacted
document never shows through its item. It does so one year of a town's actions at a time
(an item's documents share a date) and caches each year's items under the digests of the
partitions they come from; matters are grouped from the town's items on every run and
formatted again only for a year whose matters changed (transform/export.py).
"""

from __future__ import annotations

from collections.abc import Callable

from transform.items import Derived, group_items
from transform.schema import ContentType, DerivedType, RecordType, split_id
from transform.schema_docs import ITEMS, LIST_SEPARATOR, MATTERS
from transform.topics import KeywordMemo

# Pages of the site's Finnish tree (site_builder/paths.py makes the same paths from ids).
PAGE_URL = "/fi/{municipality}/{infix}/{origin}/"


def page_url(record_id: str) -> str:
    municipality, infix, origin = split_id(record_id)
    return PAGE_URL.format(municipality=municipality, infix=infix, origin=origin)


def published_derived(
    store,
    municipality: dict,
    publish: Callable[[RecordType, dict], dict | None],
    memo: KeywordMemo | None = None,
) -> tuple[Derived, dict]:
    """The municipality's items and matters from its published records; also returns the
    published actions by id (the rows read their texts)."""

    def published(record_type: RecordType) -> list[dict]:
        records = store.iter_records(record_type, municipality["id"])
        return [shown for record in records if (shown := publish(record_type, record))]

    organizations = published(RecordType.ORGANIZATION)
    actions = published(RecordType.ACTION)
    derived = group_items(municipality, organizations, published(RecordType.MEETING), actions, memo)
    return derived, {action["id"]: action for action in actions}


def item_row(
    item: dict,
    municipality_name: str | None,
    organization_name: str | None,
    action_by_id: dict[str, dict],
) -> dict:
    shown = action_by_id.get(item["decision_document"], {})
    agenda = next(
        (
            action_by_id[document["action"]]
            for document in item["documents"]
            if document["document_kind"] == "agenda" and document["action"] in action_by_id
        ),
        {},
    )
    vote = (item.get("votes") or [{}])[0]
    return {
        **{name: item.get(name) for name in ITEMS.field_names},
        "municipality_name": municipality_name,
        "organization_name": organization_name,
        "proposal": section_text(shown, ContentType.PROPOSAL)
        or section_text(agenda, ContentType.PROPOSAL),
        "decision": section_text(shown, ContentType.DECISION),
        "votes_yes": vote.get("yes"),
        "votes_no": vote.get("no"),
        "votes_blank": vote.get("blank"),
        "votes_absent": vote.get("absent"),
        "vote_majority": vote.get("majority"),
        "vote_minority": vote.get("minority"),
        "yes_proposal": vote.get("yes_proposal"),
        "no_proposal": vote.get("no_proposal"),
        "yes_names": LIST_SEPARATOR.join(vote.get("yes_names") or ()) or None,
        "no_names": LIST_SEPARATOR.join(vote.get("no_names") or ()) or None,
        "dissents": LIST_SEPARATOR.join(item.get("dissents") or ()) or None,
        "topics": LIST_SEPARATOR.join(tag["topic"] for tag in item.get("topics") or ()) or None,
        "topic_rules": LIST_SEPARATOR.join(tag["rule"] for tag in item.get("topics") or ()) or None,
        "matter_id": item.get("matter"),
        "documents": LIST_SEPARATOR.join(document["action"] for document in item["documents"]),
        "page_url": page_url(item["id"]),
    }


def matter_row(matter: dict) -> dict:
    return {
        **{name: matter.get(name) for name in MATTERS.field_names},
        "item_count": len(matter["items"]),
        "items": LIST_SEPARATOR.join(matter["items"]),
        "page_url": page_url(matter["id"]),
    }


def section_text(action: dict, content_type: ContentType) -> str | None:
    texts = [
        content.get("text") or ""
        for content in action.get("contents") or ()
        if content.get("type") == content_type
    ]
    return "\n\n".join(text for text in texts if text.strip()) or None


def derived_rows(
    derived: Derived,
    municipality: dict,
    organization_names: dict[str, str],
    action_by_id: dict[str, dict],
) -> dict[DerivedType, list[tuple[dict, dict]]]:
    """(row, record) pairs per table, newest first as the store lists them."""
    name = municipality.get("name") or {}
    main = (municipality.get("languages") or ["fi"])[0]
    municipality_name = name.get(main) if isinstance(name, dict) else name
    items = sorted(derived.items, key=lambda item: (item["date"] or "", item["id"]), reverse=True)
    matters = sorted(
        derived.matters, key=lambda matter: (matter["last_date"] or "", matter["id"]), reverse=True
    )
    return {
        DerivedType.ITEM: [
            (
                item_row(
                    item,
                    municipality_name,
                    organization_names.get(item["organization"]),
                    action_by_id,
                ),
                item,
            )
            for item in items
        ],
        DerivedType.MATTER: [(matter_row(matter), matter) for matter in matters],
    }
