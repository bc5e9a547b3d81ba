"""Removal detection: what a source stopped listing becomes a tombstone.

Only a complete, successful listing removes anything. A page the parser could not read
fully (any skipped row), or a listing that lists nothing (a changed layout), never does.

- A meeting page that no longer lists an item it listed before: the item was removed or
  redacted by the source, so its action is withdrawn.
- A meeting list that no longer lists a meeting *between* the oldest and the newest
  meeting it still lists: that meeting was removed. Meetings older than the oldest one
  listed have only left the source's publishing window (Vaasa keeps about two years):
  the archive keeps them, which is the point of an archive.
"""

from __future__ import annotations

from transform.schema import PageKind


def detect_removals(store, page_kind: str, result: dict, when: str) -> list[str]:
    """Withdraw what this listing no longer lists; returns the ids newly withdrawn."""
    if result.get("errors"):
        return []
    if page_kind == PageKind.MEETING:
        gone = _items_gone_from_meeting(store, result)
    elif page_kind == PageKind.MEETINGS:
        gone = _meetings_gone_from_list(store, result)
    else:
        return []
    if gone:
        store.mark_withdrawn(gone, when)
    return gone


def _items_gone_from_meeting(store, result: dict) -> list[str]:
    meetings = result.get("meetings") or []
    if len(meetings) != 1 or not result.get("actions"):
        return []
    listed = {action["id"] for action in result["actions"]}
    held = store.actions(meeting=meetings[0]["id"])
    return sorted(action["id"] for action in held if action["id"] not in listed)


def _meetings_gone_from_list(store, result: dict) -> list[str]:
    listed = [m for m in result.get("meetings") or [] if m.get("start")]
    organizations = {m.get("organization") for m in listed}
    kinds = {m.get("document_kind") for m in listed}
    if not listed or len(organizations) != 1 or None in organizations or None in kinds:
        return []
    oldest = min(m["start"] for m in listed)
    newest = max(m["start"] for m in listed)
    listed_ids = {m["id"] for m in listed}
    gone = []
    for meeting in store.meetings(organization=organizations.pop()):
        start = meeting.get("start") or ""
        if (
            meeting.get("document_kind") in kinds
            and oldest <= start <= newest
            and meeting["id"] not in listed_ids
        ):
            gone.append(meeting["id"])
            gone += [action["id"] for action in store.actions(meeting=meeting["id"])]
    return sorted(gone)
