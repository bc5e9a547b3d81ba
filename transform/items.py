"""Items and matters: the documents of one decision brought together, and the decisions of
one matter followed across organs and years.

An **item** is one § of one meeting, or one officeholder decision. Platforms publish it as
several documents, each an action of its own: the agenda's text, the minutes' text, and in
bilingual towns each of those in Finnish and Swedish. ``group_items`` puts them together:

1. A *session* is one organ's meetings on one date. An organ and its other-language twin
   ("Kommunfullmäktige" and "Kunnanvaltuusto", the same body) count as one organ: their
   names translate each other word for word (transform/languages.organ_key). Officeholder
   decisions have no meeting; their session is the officeholder and the date.
2. Within a session, two documents are the same item when they are linked as language
   versions, or carry the same § (KTweb and CloudNC number agenda and minutes alike), or
   the same register number, or (for items without one) the same title, each of the last
   two only when it names one item per document. Dynasty numbers agenda items 1, 2, 3 and
   the minutes' § 185, 186, 187: register number and title join them.
3. The item's id comes from the platform's identifiers: ``<organ origin id>-<YYYYMMDD>-<n>``
   with the canonical organ of the session (the twin whose id sorts first), the meeting
   date and the § of its agenda (the first document published), else of its minutes; an
   unnumbered page keeps its own document's id (``x<action origin id>``). An item's id
   stays as long as its first document does.

A **matter** (asia / ärende) is every item of one register number (diaarinumero) in a
municipality: ``<municipality>:matter:<register id in lower case with / as ->``.

Both are derived again after every transform run (``link_items``) and stored in the items
and matters tables; the site and the dumps derive them from the published actions with
the same function, so a withheld document never shows through its item.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from transform.languages import organ_key
from transform.procedural import is_procedural
from transform.schema import (
    DERIVED_ID_INFIX,
    DerivedType,
    DocumentKind,
    ItemStatus,
    Outcome,
    split_id,
)
from transform.topics import KeywordMemo, item_topics
from transform.votes import extract_dissents, extract_votes

_UNSAFE_IN_ORIGIN = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Derived:
    """What ``group_items`` makes of one municipality's records."""

    items: list[dict]
    matters: list[dict]
    item_of_action: dict[str, str]


def derived_id(municipality: str, kind: DerivedType, origin_id: str) -> str:
    return f"{municipality}:{DERIVED_ID_INFIX[kind]}:{origin_id}"


def matter_id(municipality: str, register_id: str | None) -> str | None:
    """The matter of a register number: ``HML/903/10.02.03/2025`` -> ``…:matter:hml-903-…``.

    Lower case: register numbers are written in either case, and a page folder must not
    differ from another only by case (site_builder/paths.py)."""
    if not register_id or not register_id.strip():
        return None
    origin = _UNSAFE_IN_ORIGIN.sub("-", " ".join(register_id.split())).strip("-").lower()
    return derived_id(municipality, DerivedType.MATTER, origin) if origin else None


def group_items(
    municipality: dict,
    organizations: list[dict],
    meetings: list[dict],
    actions: list[dict],
    memo: KeywordMemo | None = None,
) -> Derived:
    """The items and matters of one municipality's current (not withdrawn) actions;
    ``memo`` remembers the topics' keyword tags (transform/topics.py)."""
    items = unique_ids(session_items(municipality, organizations, meetings, actions, memo))
    item_of_action = {
        document["action"]: item["id"] for item in items for document in item["documents"]
    }
    return Derived(items, matters_of(municipality["id"], items), item_of_action)


def session_items(
    municipality: dict,
    organizations: list[dict],
    meetings: list[dict],
    actions: list[dict],
    memo: KeywordMemo | None = None,
) -> list[dict]:
    """The items of the actions' sessions, before ``unique_ids``. A session is one date's,
    so the actions of a year give the same items alone as among all (transform/export.py
    derives them so, one year at a time)."""
    current = [action for action in actions if not action.get("withdrawn_at")]
    meeting_by_id = {meeting["id"]: meeting for meeting in meetings}
    canonical = canonical_organs(organizations)
    sessions: dict[tuple, list[dict]] = defaultdict(list)
    for action in current:
        organ = canonical.get(action.get("organization"), action.get("organization"))
        sessions[organ, action.get("date"), action.get("meeting") is None].append(action)
    main_language = (municipality.get("languages") or ["fi"])[0]
    items = []
    for (organ, date, _), members in sorted(sessions.items(), key=lambda kv: repr(kv[0])):
        for group in _items_of_session(members, meeting_by_id):
            items.append(
                _item(municipality, organ, date, group, meeting_by_id, main_language, memo)
            )
    return items


def canonical_organs(organizations: list[dict]) -> dict[str, str]:
    """organization id -> the id standing for it and its other-language twins."""
    by_key: dict[tuple, list[str]] = defaultdict(list)
    for organization in organizations:
        name = organization.get("name")
        key = organ_key(name if isinstance(name, str) else None)
        if key is not None:
            by_key[key].append(organization["id"])
    canonical = {organization["id"]: organization["id"] for organization in organizations}
    for ids in by_key.values():
        first = min(ids)
        canonical.update((organization_id, first) for organization_id in ids)
    return canonical


def organ_twins(organizations: list[dict]) -> dict[str, list[str]]:
    """organization id -> every organization of the same body (itself included)."""
    members: dict[str, list[str]] = defaultdict(list)
    canonical = canonical_organs(organizations)
    for organization_id, first in sorted(canonical.items()):
        members[first].append(organization_id)
    return {organization_id: members[first] for organization_id, first in canonical.items()}


# -- one session -> its items ---------------------------------------------------------------


class _Groups:
    """Union-find over actions that never puts two documents of one meeting (or two
    officeholder decisions) into one item: such a join would be a coincidence of numbers
    (Dynasty's agenda item 3 and the minutes' § 3 may be different items)."""

    def __init__(self, actions: list[dict]):
        self.parent = {action["id"]: action["id"] for action in actions}
        self.documents = {
            action["id"]: {action.get("meeting") or action["id"]} for action in actions
        }

    def find(self, action_id: str) -> str:
        while self.parent[action_id] != action_id:
            self.parent[action_id] = self.parent[self.parent[action_id]]
            action_id = self.parent[action_id]
        return action_id

    def join(self, first: str, second: str) -> None:
        roots = sorted({self.find(first), self.find(second)})
        if len(roots) < 2 or self.documents[roots[0]] & self.documents[roots[1]]:
            return
        self.parent[roots[1]] = roots[0]
        self.documents[roots[0]] |= self.documents.pop(roots[1])


def _items_of_session(members: list[dict], meeting_by_id: dict) -> list[list[dict]]:
    groups = _Groups(members)
    known = {action["id"] for action in members}
    for action in members:
        for translation in action.get("translations") or ():
            if translation.get("id") in known:
                groups.join(action["id"], translation["id"])
    # Register number and title first: they name the item; a § names it only within
    # platforms that number agenda and minutes alike.
    for key in (_register_key, _title_key, _section_key):
        _join_by(groups, members, key)
    joined: dict[str, list[dict]] = defaultdict(list)
    for action in members:
        joined[groups.find(action["id"])].append(action)
    return [sorted(group, key=lambda action: action["id"]) for group in joined.values()]


def _join_by(groups: _Groups, members: list[dict], key) -> None:
    """Join documents with the same key, when the key names one item per document."""
    per_document: dict[tuple, list[str]] = defaultdict(list)
    for action in members:
        value = key(action)
        if value is not None:
            per_document[value, action.get("meeting") or action["id"]].append(action["id"])
    by_value: dict[object, list[str]] = defaultdict(list)
    for (value, _), ids in per_document.items():
        if len(ids) == 1:
            by_value[value].append(ids[0])
    for ids in by_value.values():
        for other in ids[1:]:
            groups.join(ids[0], other)


def _section_key(action: dict):
    return ("§", action["article_number"]) if action.get("article_number") else None


def _register_key(action: dict):
    register_id = action.get("register_id")
    return ("dnro", " ".join(register_id.split())) if register_id else None


def _title_key(action: dict):
    if action.get("register_id") or not action.get("article_number"):
        return None  # a cover page joins nothing: agenda's and minutes' covers differ
    return ("title", " ".join((action.get("title") or "").casefold().split()))


# -- one group of documents -> an item -----------------------------------------------------


def _item(
    municipality: dict,
    organ: str | None,
    date: str | None,
    documents: list[dict],
    meeting_by_id: dict,
    main_language: str,
    memo: KeywordMemo | None = None,
) -> dict:
    kinds = {action["id"]: _document_kind(action, meeting_by_id) for action in documents}
    shown = min(
        documents,
        key=lambda action: (
            kinds[action["id"]] == DocumentKind.AGENDA,
            action.get("language") != main_language,
            action["id"],
        ),
    )
    decided = any(kind != DocumentKind.AGENDA for kind in kinds.values())
    procedural = any(is_procedural(action) for action in documents)
    register_id = next(
        (action["register_id"] for action in [shown, *documents] if action.get("register_id")), None
    )
    origin = _item_origin(organ, date, documents, kinds)
    municipality_id = municipality["id"]
    return {
        "id": derived_id(municipality_id, DerivedType.ITEM, origin),
        "municipality": municipality_id,
        "organization": shown.get("organization"),
        "meeting": shown.get("meeting"),
        "date": shown.get("date"),
        "article_number": shown.get("article_number"),
        "title": shown.get("title"),
        "register_id": register_id,
        "matter": matter_id(municipality_id, register_id),
        "status": ItemStatus.DECIDED.value if decided else ItemStatus.PENDING.value,
        "outcome": _item_outcome(shown, decided, procedural),
        "procedural": procedural,
        "decision_document": shown["id"],
        "documents": [
            {
                "action": action["id"],
                "document_kind": kinds[action["id"]],
                "language": action.get("language"),
            }
            for action in sorted(
                documents,
                key=lambda action: (
                    kinds[action["id"]] != DocumentKind.AGENDA,
                    action.get("language") or "",
                    action["id"],
                ),
            )
        ],
        "votes": extract_votes(shown) if decided else [],
        "dissents": extract_dissents(shown) if decided else [],
        "topics": item_topics(
            shown,
            documents,
            procedural,
            memo,
            welfare_region=municipality.get("kind") == "welfare_region",
        ),
        "origin_id": origin,
    }


def _document_kind(action: dict, meeting_by_id: dict) -> str | None:
    if not action.get("meeting"):
        return "decision"  # an officeholder decision is its own document
    meeting = meeting_by_id.get(action["meeting"]) or {}
    return meeting.get("document_kind")


def _item_outcome(shown: dict, decided: bool, procedural: bool) -> str | None:
    if procedural:
        return Outcome.PROCEDURAL.value
    if not decided:
        return None
    return shown.get("outcome") or Outcome.UNKNOWN.value


def _item_origin(
    organ: str | None, date: str | None, documents: list[dict], kinds: dict[str, str | None]
) -> str:
    numbered = sorted(
        documents, key=lambda action: (kinds[action["id"]] != DocumentKind.AGENDA, action["id"])
    )
    section = next(
        (action["article_number"] for action in numbered if action.get("article_number")), None
    )
    if section is None or organ is None or date is None:
        return "x" + split_id(min(action["id"] for action in documents))[2]
    organ_origin = split_id(organ)[2]
    raw = f"{organ_origin}-{date.replace('-', '')}-{section}"
    return _UNSAFE_IN_ORIGIN.sub("-", raw)


def unique_ids(items: list[dict]) -> list[dict]:
    """Two items computing one id (two meetings of an organ on one day, both numbering
    from 1) fall back to their first document's id."""
    count: dict[str, int] = defaultdict(int)
    for item in items:
        count[item["id"]] += 1
    unique = []
    for item in items:
        if count[item["id"]] > 1:
            origin = "x" + split_id(min(doc["action"] for doc in item["documents"]))[2]
            item = {
                **item,
                "id": derived_id(item["municipality"], DerivedType.ITEM, origin),
                "origin_id": origin,
            }
        unique.append(item)
    return sorted(unique, key=lambda item: item["id"])


# -- items -> matters -------------------------------------------------------------------------


def matters_of(municipality_id: str, items: list[dict]) -> list[dict]:
    by_matter: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        if item["matter"]:
            by_matter[item["matter"]].append(item)
    matters = []
    for matter, members in sorted(by_matter.items()):
        members.sort(key=lambda item: (item["date"] or "", item["id"]))
        dates = [item["date"] for item in members if item["date"]]
        matters.append(
            {
                "id": matter,
                "municipality": municipality_id,
                "register_id": members[0]["register_id"],
                "title": members[-1]["title"],
                "items": [item["id"] for item in members],
                "first_date": min(dates) if dates else None,
                "last_date": max(dates) if dates else None,
                "origin_id": split_id(matter)[2],
            }
        )
    return matters


def link_items(store) -> int:
    """Derive every municipality's items and matters again and store what changed;
    returns the number of item and matter rows added, changed or removed."""
    changed = 0
    memo = KeywordMemo(store)
    for municipality in store.municipalities():
        derived = group_items(
            municipality,
            store.organizations(municipality["id"]),
            store.meetings(municipality["id"]),
            store.actions(municipality["id"]),
            memo,
        )
        changed += store.replace_derived(DerivedType.ITEM, municipality["id"], derived.items)
        changed += store.replace_derived(DerivedType.MATTER, municipality["id"], derived.matters)
    memo.save()
    return changed
