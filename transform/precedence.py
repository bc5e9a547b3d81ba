"""Which page wins when two pages say different things about the same action.

An action is told about by several pages: the meeting's item list (title as listed, §,
order), the attachment list (names, links, public or not) and the item document itself
(the full text, the title as written, the attachment names in its "Liitteet" line). They
are merged by id, and without an order of precedence they would keep overwriting each
other, each time making a spurious "earlier version". The rules:

- The item document is authoritative for what it contains: once an action has its
  document's contents, an item list no longer overwrites the title, language or
  attachments (it still sets the §, order and meeting).
- Attachments are merged by name: the attachment list decides which attachments exist
  and gives their links; a document's "Liitteet" line only adds names not yet known and
  never drops a link.
"""

from __future__ import annotations

from transform.schema import PageKind

DOCUMENT_FIELDS = ("title", "language", "attachments")


def ranked_partial(page_kind: str | None, old: dict, partial: dict) -> dict:
    """``partial`` as it may be applied over ``old`` given the page it came from."""
    if not old:
        return partial
    adjusted = dict(partial)
    if page_kind == PageKind.MEETING and old.get("contents"):
        for field in DOCUMENT_FIELDS:
            if old.get(field) and field in adjusted:
                del adjusted[field]
    if adjusted.get("attachments") is not None and old.get("attachments"):
        adjusted["attachments"] = merge_attachments(
            page_kind, old["attachments"], adjusted["attachments"]
        )
    return adjusted


def ranked_meeting_partial(old: dict, partial: dict) -> dict:
    """A meeting list shows the date; the meeting page also the time. A date alone never
    replaces a time already known for that day (it would only make a spurious version)."""
    start, known = partial.get("start"), old.get("start")
    if start and known and len(start) == 10 and known != start and known.startswith(start):
        return {key: value for key, value in partial.items() if key != "start"}
    return partial


def merge_attachments(page_kind: str | None, old: list[dict], new: list[dict]) -> list[dict]:
    old_by_name = {_name_key(a): a for a in old}
    merged = []
    for attachment in new:
        known = old_by_name.get(_name_key(attachment), {})
        fuller = {key: value for key, value in attachment.items() if value is not None}
        merged.append({**known, **fuller})
    if page_kind == PageKind.ATTACHMENTS:
        return merged  # the attachment list is the list
    new_names = {_name_key(a) for a in new}
    kept = [a for a in old if _name_key(a) not in new_names]
    if any(a.get("url") for a in old):
        # The old list came from the attachment list page: keep its order and links.
        by_name = {_name_key(a): a for a in merged}
        return [by_name.get(_name_key(a), a) for a in old] + [
            a for a in merged if _name_key(a) not in old_by_name
        ]
    return merged + kept


def _name_key(attachment: dict) -> str:
    return " ".join(str(attachment.get("name") or "").lower().split())
