"""Items and matters on the site: one page per item with the decision first, one page
(and feed) per matter with every handling, and the lists that show each decision once.

Items and matters are derived from the municipality's *published* actions with the same
function the transform stage stores them with (transform/items.py), so ids agree and a
withheld document never shows through its item.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from transform.items import Derived, group_items, organ_twins
from transform.schema import ContentType, ItemStatus
from transform.topics import KeywordMemo

# A diff of texts this different is no help: the decision was written anew.
DIFF_MIN_SIMILARITY = 0.4
_WORDS = re.compile(r"\S+\s*")


@dataclass
class SiteItems:
    """One municipality's items for its pages: each item completed for the templates."""

    items: list[dict]
    matters: list[dict]
    item_by_id: dict[str, dict]
    item_of_action: dict[str, dict]
    matter_by_id: dict[str, dict]

    def decisions(self) -> list[dict]:
        """Decided items that decide a matter, newest first: what lists show."""
        return [
            item
            for item in self.items
            if item["status"] == ItemStatus.DECIDED and not item["procedural"]
        ]

    def items_of_matter(self, matter_id: str | None) -> list[dict]:
        matter = self.matter_by_id.get(matter_id)
        return [self.item_by_id[item_id] for item_id in matter["items"]] if matter else []


def site_items(
    municipality: dict,
    organizations: list[dict],
    meetings: list[dict],
    actions: list[dict],
    memo: KeywordMemo | None = None,
) -> SiteItems:
    derived: Derived = group_items(municipality, organizations, meetings, actions, memo)
    action_by_id = {action["id"]: action for action in actions}
    items = [_for_templates(item, action_by_id) for item in derived.items]
    # Newest day first, in agenda order within a day (as the lists of actions were).
    items.sort(key=lambda item: (item["ordering"] is None, item["ordering"] or 0, item["id"]))
    items.sort(key=lambda item: item["date"] or "", reverse=True)
    item_by_id = {item["id"]: item for item in items}
    return SiteItems(
        items=items,
        matters=derived.matters,
        item_by_id=item_by_id,
        item_of_action={
            action_id: item_by_id[item_id] for action_id, item_id in derived.item_of_action.items()
        },
        matter_by_id={matter["id"]: matter for matter in derived.matters},
    )


def _for_templates(item: dict, action_by_id: dict[str, dict]) -> dict:
    """The item plus what lists and feeds read from a record (language, fetch times)."""
    shown = action_by_id[item["decision_document"]]
    organizations = sorted(
        {action_by_id[document["action"]].get("organization") for document in item["documents"]}
        - {None}
    )
    return {
        **item,
        "language": shown.get("language"),
        "ordering": shown.get("ordering"),
        "first_seen": min(
            filter(
                None,
                (
                    action_by_id[document["action"]].get("first_seen")
                    for document in item["documents"]
                ),
            ),
            default=None,
        ),
        "fetched_at": shown.get("fetched_at"),
        "withdrawn_at": None,
        "organizations": organizations,
    }


def items_by_organization(items: list[dict]) -> dict[str, list[dict]]:
    """Each organ's items, the documents' organs all counting (a bilingual council's
    Finnish and Swedish organ both list the item)."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        for organization in item["organizations"]:
            grouped[organization].append(item)
    return grouped


# -- the item page's parts ------------------------------------------------------------------


def section_text(action: dict | None, content_type: ContentType) -> str | None:
    texts = [
        content.get("text") or ""
        for content in (action or {}).get("contents") or ()
        if content.get("type") == content_type
    ]
    return "\n\n".join(text for text in texts if text.strip()) or None


def text_versions(item: dict, action_by_id: dict[str, dict]) -> dict[str, dict]:
    """What the item page shows of the text, per language the item is published in, plus
    ``"default"`` (the decision document): a Finnish page of a bilingual town's item shows
    the Finnish minutes when there are some. Each is ``{action, decision_text, diff}``."""
    shown = action_by_id[item["decision_document"]]
    kind = next(
        document["document_kind"]
        for document in item["documents"]
        if document["action"] == shown["id"]
    )
    versions = {"default": _text_version(item, shown, action_by_id)}
    for document in item["documents"]:
        action = action_by_id[document["action"]]
        if document["document_kind"] == kind and action.get("language"):
            versions.setdefault(action["language"], _text_version(item, action, action_by_id))
    return versions


def _text_version(item: dict, action: dict, action_by_id: dict[str, dict]) -> dict:
    decision = section_text(action, ContentType.DECISION)
    proposal = section_text(action, ContentType.PROPOSAL)
    for document in item["documents"]:  # the agenda's, when the minutes repeat none
        other = action_by_id[document["action"]]
        if proposal or other.get("language") != action.get("language"):
            continue
        proposal = section_text(other, ContentType.PROPOSAL)
    decided = item["status"] == ItemStatus.DECIDED
    return {
        "action": action,
        "decision_text": decision,
        "diff": word_diff(proposal, _without_organ_line(decision), item["outcome"] == "amended")
        if decided
        else None,
    }


def _without_organ_line(text: str | None) -> str | None:
    """ "Kaupunginhallitus:" on a line of its own opens some decisions: not a change."""
    if not text:
        return text
    first, _, rest = text.partition("\n")
    if first.rstrip().endswith(":") and len(first.split()) <= 3 and rest.strip():
        return rest.strip()
    return text


def word_diff(
    proposal: str | None, decision: str | None, amended: bool = False
) -> list[tuple[str, str]] | None:
    """``[(op, text)]`` with op ``same``, ``removed`` or ``added``, word by word; None when
    there is nothing to compare, or the decision was written anew ("Hyväksyttiin esitys")
    and no amendment is recorded."""
    if not proposal or not decision:
        return None
    old, new = _WORDS.findall(proposal), _WORDS.findall(decision)
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in old], [w.strip() for w in new], autojunk=False
    )
    if matcher.ratio() == 1.0 or (matcher.ratio() < DIFF_MIN_SIMILARITY and not amended):
        return None
    parts: list[tuple[str, str]] = []
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            parts.append(("same", "".join(new[new_start:new_end])))
            continue
        if old_end > old_start:
            parts.append(("removed", "".join(old[old_start:old_end])))
        if new_end > new_start:
            parts.append(("added", "".join(new[new_start:new_end])))
    return parts


def linked_history(
    action: dict | None, item: dict, matter_items: list[dict], organization_by_id: dict
) -> list[dict]:
    """The action's "earlier handling" lines, each with the item it names when that item
    is in the archive (same matter, date and organ); the item's own handling is left out."""
    steps = []
    for step in (action or {}).get("history") or ():
        found = _handling(step, matter_items, organization_by_id)
        if found is not None and found["id"] == item["id"]:
            continue
        if (
            found is None
            and step.get("date") == item["date"]
            and (step.get("article_number") in (None, item["article_number"]))
        ):
            continue  # the current meeting, listed by the source as a handling
        steps.append({**step, "item": found})
    return steps


def _handling(step: dict, matter_items: list[dict], organization_by_id: dict) -> dict | None:
    wanted = step.get("organization")
    for candidate in matter_items:
        if candidate["date"] != step.get("date"):
            continue
        names = {
            _name_text(organization_by_id.get(organization))
            for organization in candidate["organizations"]
        }
        if wanted in candidate["organizations"] or (wanted and _fold(wanted) in names):
            return candidate
    return None


def _name_text(organization: dict | None) -> str | None:
    if not organization:
        return None
    name = organization.get("name")
    values = name.values() if isinstance(name, dict) else [name]
    return next((_fold(value) for value in values if value), None)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


# -- organs that are one body in two languages ----------------------------------------------


def with_twin_names(
    organizations: list[dict], meetings: list[dict], actions: list[dict]
) -> list[dict]:
    """Organs with a twin in the other language get both names, ``{"fi": ..., "sv": ...}``,
    so each UI language shows the name in its own language. An organ's language is the
    one most of its documents are written in."""
    languages: dict[str, Counter] = defaultdict(Counter)
    for record in (*meetings, *actions):
        if record.get("organization") and record.get("language"):
            languages[record["organization"]][record["language"]] += 1
    twins = organ_twins(organizations)
    by_id = {organization["id"]: organization for organization in organizations}
    named = []
    for organization in organizations:
        names = {}
        for twin_id in twins.get(organization["id"], [organization["id"]]):
            twin = by_id[twin_id]
            language = languages[twin_id].most_common(1)[0][0] if languages[twin_id] else None
            if language and isinstance(twin.get("name"), str):
                names.setdefault(language, twin["name"])
        if len(names) > 1 and isinstance(organization.get("name"), str):
            organization = {**organization, "name": dict(sorted(names.items()))}
        named.append(organization)
    return named


def meeting_count(meetings: list[dict]) -> int:
    """Meetings held, not documents: an agenda and its minutes (and their translations)
    are one meeting."""
    return len({(meeting.get("start") or "")[:10] or meeting["id"] for meeting in meetings})
