"""`avoin demo`: the whole pipeline, offline, from the sample sites the project ships."""

from __future__ import annotations

import re

import pytest

from tests.harvesting import avoin
from transform.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    result = avoin("demo", "--out", tmp / "public", "--data-dir", tmp / "data")
    return tmp, result


def test_demo_succeeds_and_says_how_to_look(demo):
    _, result = demo
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Try next:" in result.stdout and " serve" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("municipality", ["hameenlinna", "vaasa", "kristinestad", "riihimaki"])
def test_every_ktweb_town_is_harvested(demo, municipality):
    _, result = demo
    line = next(x for x in result.stdout.splitlines() if x.startswith(municipality))
    assert " ok" in line


def test_store_holds_what_the_report_says(demo):
    tmp, result = demo
    match = re.search(r"(\d+) inserted, (\d+) updated, (\d+) unchanged", result.stdout)
    inserted = int(match.group(1))
    with Store(tmp / "data" / "avoin.sqlite") as store:
        counts = store.counts()
    assert inserted == counts["organizations"] + counts["meetings"] + counts["actions"]
    assert counts["actions"] >= 30 and counts["meetings"] >= 6 and counts["organizations"] >= 3


def test_item_pdfs_became_sections(demo):
    tmp, _ = demo
    with Store(tmp / "data" / "avoin.sqlite") as store:
        numbered = [a for a in store.actions() if a.get("article_number")]
    assert numbered

    def section_types(action):
        return {c["type"] for c in action.get("contents") or []}

    assert all(section_types(a) & {"proposal", "decision"} for a in numbered)
    # Officeholder decisions are numbered too, but belong to no meeting.
    minutes = [a for a in numbered if (a["meeting"] or "").endswith("-minutes")]
    assert minutes and all("decision" in section_types(a) for a in minutes)
    # Organising items (quorum, minute checkers) have no diary number; real matters do.
    assert sum(bool(a.get("register_id")) for a in numbered) > len(numbered) / 2


def test_second_transform_changes_nothing(demo):
    tmp, _ = demo
    with Store(tmp / "data" / "avoin.sqlite") as store:
        held = sum(store.counts()[t] for t in ("organizations", "meetings", "actions"))
    result = avoin("transform", "--data-dir", tmp / "data")
    assert result.returncode == 0
    assert f"0 inserted, 0 updated, {held} unchanged" in result.stdout


def test_site_has_a_page_per_meeting_and_action(demo):
    tmp, _ = demo
    public = tmp / "public"
    with Store(tmp / "data" / "avoin.sqlite") as store:
        meetings, actions = store.meetings(), store.actions()
    pages = {p.relative_to(public).as_posix() for p in public.rglob("index.html")}
    for record in meetings + actions:
        municipality, kind, origin_id = record["id"].split(":", 2)
        assert any(p.endswith(f"{municipality}/{kind}/{origin_id}/index.html") for p in pages)


def test_a_rebuild_after_a_change_never_touches_the_live_release(demo):
    """Releases share unchanged files by hard link: every writer must replace files."""
    import hashlib
    import os

    tmp, _ = demo
    public = tmp / "public"
    live = public.resolve()
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in live.rglob("*") if p.is_file()}
    with Store(tmp / "data" / "avoin.sqlite") as store:
        action = next(a for a in store.actions() if a.get("contents"))
        changed = {
            "id": action["id"],
            "origin_id": action["origin_id"],
            "title": action["title"] + " (korjattu)",
        }
        store.merge_page(
            {"page": "action", "organizations": [], "meetings": [], "actions": [changed]},
            {
                "source_url": action["source_url"],
                "fetched_at": "2026-11-23T03:00:00+00:00",
                "raw_sha256": "0" * 64,
                "parser_version": "1",
            },
        )
    result = avoin("build", "--out", public, "--data-dir", tmp / "data")
    assert result.returncode == 0, result.stderr
    assert public.resolve() != live and os.path.islink(public)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before if p.exists()}
    assert after == before
    assert any(
        "(korjattu)" in p.read_text(encoding="utf-8", errors="replace")
        for p in public.resolve().rglob("index.html")
    )


def test_items_bring_agenda_minutes_and_languages_together(demo):
    """Issue 14's measures on the demo: items vs actions, and how few decided items are
    left with an outcome no rule reads (under 5 %)."""
    from transform.schema import DerivedType, ItemStatus, Outcome

    tmp, _ = demo
    with Store(tmp / "data" / "avoin.sqlite") as store:
        actions = store.actions()
        items = store.derived_records(DerivedType.ITEM)
        matters = store.derived_records(DerivedType.MATTER)
    decided = [item for item in items if item["status"] == ItemStatus.DECIDED]
    unknown = [item for item in decided if item["outcome"] == Outcome.UNKNOWN]
    procedural = [item for item in items if item["procedural"]]
    handled_twice = [matter for matter in matters if len(matter["items"]) > 1]
    voted = [item for item in items if item["votes"]]
    print(
        f"\ndemo: {len(actions)} actions -> {len(items)} items ({len(decided)} decided, "
        f"{len(procedural)} procedural), {len(matters)} matters "
        f"({len(handled_twice)} handled more than once), {len(voted)} items with a vote; "
        f"unknown outcome: {len(unknown)}/{len(decided)} decided items "
        f"({len(unknown) / len(decided):.1%})"
    )
    assert len(items) < 0.8 * len(actions)
    assert len(unknown) < 0.05 * len(decided)
    assert handled_twice and voted
    assert {document["action"] for item in items for document in item["documents"]} == {
        action["id"] for action in actions
    }  # every document belongs to one item


def test_importing_the_demo_meeting_as_one_file_joins_its_harvested_items(demo, tmp_path):
    """The whole minutes of Kristinestad's Stadsstyrelsen 15/2026 (tests/meeting_documents.py)
    into the demo archive: every item finds its item-level twin; nothing is added twice."""
    from tests.meeting_documents import write_demo
    from transform.importing import import_files

    tmp, _ = demo
    with Store(tmp / "data" / "avoin.sqlite") as store:
        before = store.counts()
        report = import_files(store, [write_demo(tmp_path)], "kristinestad")
        after = store.counts()
        meeting = next(m for m in store.meetings("kristinestad") if m.get("attendance"))
    assert report.errors == [] and report.meetings_added == 0
    assert (report.items_added, report.items_merged) == (0, 5)
    assert after["actions"] == before["actions"] and after["meetings"] == before["meetings"]
    assert meeting["chair"] == "Stefan Lindqvist"
    assert meeting["secretary"] == "Annika Björklund"
