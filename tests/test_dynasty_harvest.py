"""The real Dynasty spider, end to end: `avoin harvest` and `avoin transform` in a subprocess
against the sample sites replayed on 127.0.0.1 (both generations)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from harvest.replay import ReplayServer
from tests.harvesting import SAMPLE_SITES, avoin, write_sources
from transform.schema import Classification, ContentType, DocumentKind
from transform.store import Store

pytestmark = pytest.mark.slow

OMAHAME = SAMPLE_SITES / "dynasty" / "omahame"
STATIC = SAMPLE_SITES / "dynasty" / "static-example"
REAL_PAGES = Path(__file__).resolve().parents[2] / "shared" / "real-pages"
REAL_ITEM = REAL_PAGES / "dynasty-espoo-2017" / "2017406946-3.HTM"
CGI = "/djulkaisu/cgi/DREQUEST.PHP?page="
HTML = "text/html; charset=windows-1252"
# The session-stateful CGI answers for another item: once (asked again, then right) ...
RETRIED = CGI + "meetingitem&id=2026110202-5"
RETRIED_FAULT = {"body_file": "djulkaisu/cgi/meetingitem/2026110202-4.htm",
                 "content_type": HTML, "times": 1}  # fmt: skip
# ... and every time (a failed request of that item, never stored as the other one).
WRONG = CGI + "meetingitem&id=2026111602-4"
WRONG_FAULT = {"body_file": "djulkaisu/cgi/meetingitem/2026111602-3.htm", "content_type": HTML}


def manifest(site: Path) -> dict:
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))


def harvest_and_transform(
    site: Path, municipality: str, data: Path, faults=None, obey_robots=False
):
    """(harvest result, transform result, the paths the server was asked for).

    Dynasty marks its pages noindex, as real installs do: by default the tests play a
    source that granted permission (obey_robots = false with a permission note)."""
    with ReplayServer(site, faults=faults) as server:
        sources = write_sources(data.parent / "sources.toml", {municipality: server.base_url},
                                platform="dynasty", obey_robots=obey_robots)  # fmt: skip
        harvested = avoin("harvest", "--sources", sources, "--data-dir", data)
        requests = [request.path for request in server.requests]
    transformed = avoin("transform", "--sources", sources, "--data-dir", data)
    return harvested, transformed, requests


def report_line(result, municipality: str) -> str:
    return next(line for line in result.stdout.splitlines() if line.startswith(municipality))


@pytest.fixture(scope="module")
def omahame(tmp_path_factory):
    """One harvest of the CGI site, during which it answers two item requests wrongly."""
    data = tmp_path_factory.mktemp("omahame") / "data"
    faults = {RETRIED: RETRIED_FAULT, WRONG: WRONG_FAULT}
    harvested, transformed, requests = harvest_and_transform(OMAHAME, "omahame", data, faults)
    return data, harvested, transformed, requests


# --- The CGI generation: omahame -----------------------------------------------------------


def test_cgi_harvest_succeeds_and_transforms_without_errors(omahame):
    _, harvested, transformed, _ = omahame
    assert harvested.returncode == 0, harvested.stdout + harvested.stderr
    line = report_line(harvested, "omahame")
    assert line.split()[4].startswith("ok") and "(wrong_item 1, wrong_item_retried 2)" in line, line
    assert transformed.returncode == 0, transformed.stdout + transformed.stderr
    assert "0 errors" in transformed.stdout


def test_cgi_spider_fetches_every_page_it_needs_and_public_attachments(omahame):
    _, _, _, requests = omahame
    # With permission robots.txt is not asked for (noindex pages: see the end of this file).
    assert "/robots.txt" not in requests
    wanted = Counter()
    for entry in manifest(OMAHAME)["entries"]:
        target = entry["path"] + (f"?{entry['query']}" if entry["query"] else "")
        fetched = target in requests
        # Public attachments' files are harvested (each once: see the end of this test);
        # the wrongly answered item never led to its PDF nor its attachments.
        not_wanted = ("appeal_document", "meeting_pdf", "robots")
        if entry["kind"] in not_wanted or target.startswith("/djulkaisu/kokous/2026111602-4"):
            assert not fetched, target
        else:
            assert fetched, target
            wanted[entry["kind"]] += 1
    assert wanted == {
        "organs": 1,
        "offices": 1,
        "feed": 3,
        "meeting_list": 4,
        "meeting": 9,
        "item": 41,
        "item_pdf": 40,
        "office": 2,
        "decision": 6,
        "attachment": 13,  # every public attachment's file but the wrong item's two
    }
    # Each wrongly answered item was asked twice, the second time in a fresh session.
    assert Counter(requests) - Counter(set(requests)) == {RETRIED: 1, WRONG: 1}
    assert len(set(requests)) == sum(wanted.values())


def test_cgi_store_holds_organs_offices_meetings_items_and_decisions(omahame):
    data, _, _, _ = omahame
    with Store(data / "avoin.sqlite") as store:
        counts = store.counts()
        organizations = {o["origin_id"]: o["classification"] for o in store.organizations()}
        meetings = store.meetings()
    assert (counts["organizations"], counts["meetings"], counts["actions"]) == (6, 9, 56)
    assert organizations == {
        "1001": Classification.COUNCIL, "1002": Classification.BOARD,
        "1003": Classification.COMMITTEE, "1004": Classification.COMMITTEE,
        "official-2001": Classification.OFFICEHOLDER, "official-2002": Classification.OFFICEHOLDER,
    }  # fmt: skip
    assert Counter(m["document_kind"] for m in meetings) == {
        DocumentKind.AGENDA: 4, DocumentKind.MINUTES: 5}  # fmt: skip
    assert all(m["start"].endswith("+02:00") and m["organization"] for m in meetings)


def test_cgi_item_in_the_store_field_by_field(omahame):
    data, _, _, _ = omahame
    with Store(data / "avoin.sqlite") as store:
        item = store.action("omahame:action:2026110202-5")
    base = "http://127.0.0.1:"
    assert item["source_url"].startswith(base) and item["pdf_url"].startswith(base)
    assert {key: item[key] for key in (
        "municipality", "organization", "meeting", "article_number", "ordering", "title",
        "register_id", "function_code", "language", "presenter", "preparers", "date",
    )} == {
        "municipality": "omahame", "organization": "omahame:org:1002",
        "meeting": "omahame:meeting:2026110202", "article_number": "189", "ordering": 4,
        "title": "Vanhan sairaalarakennuksen myynti, Riihimäki",
        "register_id": "OH/1877/10.00.02/2026", "function_code": "10.00.02", "language": "fi",
        "presenter": "Hyvinvointialuejohtaja Aarne Kivilahti", "preparers": ["Oskari Lehtisalo"],
        "date": "2026-11-02",
    }  # fmt: skip
    assert [c["label"] for c in item["contents"]] == [
        "Päätösehdotus", "Käsittely", "Päätös", "Selostus"]  # fmt: skip
    assert [(a["name"], a["public"]) for a in item["attachments"]] == [
        ("Kartta kiinteistöstä", True), ("Kauppakirjaluonnos", False)]  # fmt: skip
    assert item["pdf_url"].endswith("/djulkaisu/kokous/2026110202-5.PDF")


def test_cgi_officeholder_decisions_are_stored_without_a_meeting(omahame):
    data, _, _, _ = omahame
    with Store(data / "avoin.sqlite") as store:
        decisions = [a for a in store.actions() if a.get("decision_maker")]
    assert len(decisions) == 6
    for decision in decisions:
        assert decision["meeting"] is None
        assert decision["organization"] in ("omahame:org:official-2001",
                                            "omahame:org:official-2002")  # fmt: skip
        assert decision["date"].startswith("2026-1")
        assert ContentType.DECISION in {c["type"] for c in decision["contents"]}


def test_cgi_appeal_instructions_are_unnumbered_actions(omahame):
    data, _, _, _ = omahame
    with Store(data / "avoin.sqlite") as store:
        appeals = [a for a in store.actions() if "-0-" in a["origin_id"]]
    assert len(appeals) == 9
    assert all(a["article_number"] is None and a["contents"][0]["type"] == ContentType.APPEAL
               for a in appeals)  # fmt: skip


def test_second_transform_changes_nothing(omahame):
    data, _, _, _ = omahame
    result = avoin("transform", "--data-dir", data, "--reparse")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 inserted, 0 updated, 71 unchanged" in result.stdout


# --- The session-stateful CGI answers for another item -----------------------------------------


def test_a_wrong_item_asked_again_is_stored_right_and_the_wrong_answer_not_at_all(omahame):
    data, _, _, _ = omahame
    with Store(data / "avoin.sqlite") as store:
        asked = store.action("omahame:action:2026110202-5")
        other = store.action("omahame:action:2026110202-4")
        logged = store._db.execute(
            "SELECT count(*) FROM harvest_log WHERE url LIKE ?", ("%id=2026110202-5",)
        ).fetchone()[0]
    assert asked["title"] == "Vanhan sairaalarakennuksen myynti, Riihimäki"
    assert asked["register_id"] == "OH/1877/10.00.02/2026"
    assert other["title"] == "Terveysasemien iltavastaanottojen aukioloajat 1.1.2027 alkaen"
    assert logged == 1  # only the right answer


def test_a_persistently_wrong_item_is_a_failed_request_never_stored(omahame):
    data, _, _, _ = omahame
    with Store(data / "avoin.sqlite") as store:
        ((error, sha256),) = store._db.execute(
            "SELECT error, sha256 FROM harvest_log WHERE url LIKE ?", ("%id=2026111602-4",)
        ).fetchall()
        asked = store.action("omahame:action:2026111602-4")
        answered = store.action("omahame:action:2026111602-3")
    assert sha256 is None
    assert error == "wrong_item: asked for item 2026111602-4, the page is item 2026111602-3"
    # Only what the minutes page says of § 201; nothing of the other item's text.
    assert asked["title"] == "Palveluverkkosuunnitelma 2027-2030"
    assert not asked.get("contents") and not asked.get("register_id")
    assert answered["title"] == "Riihimäen paloaseman peruskorjaus"


# --- The static export: static-example ----------------------------------------------------------


def test_static_export_harvest_in_swedish_and_finnish(tmp_path):
    harvested, transformed, requests = harvest_and_transform(
        STATIC, "static-example", tmp_path / "data"
    )
    assert report_line(harvested, "static-example").split()[4].startswith("ok"), harvested.stdout
    assert requests[0] == "/kokous/TELIMET.HTM"  # with permission: no robots.txt
    assert "0 errors" in transformed.stdout
    with Store(tmp_path / "data" / "avoin.sqlite") as store:
        counts = store.counts()
        item = store.action("static-example:action:2026500102-3")
        languages = Counter(a["language"] for a in store.actions())
    assert (counts["organizations"], counts["meetings"], counts["actions"]) == (2, 3, 16)
    assert languages == {"sv": 12, "fi": 4}  # the board's 2 x 5 items and 2 appeal rows
    assert (item["title"], item["register_id"], item["function_code"]) == (
        "Detaljplaneändring för kvarter 17 i centrum", "388/2026", "10.02.03")  # fmt: skip
    assert [c["label"] for c in item["contents"]][:3] == ["Beslutsförslag", "Behandling", "Beslut"]


# --- avoin parse on a real page ------------------------------------------------------------------


@pytest.mark.skipif(not REAL_ITEM.is_file(), reason=f"real pages not found at {REAL_ITEM}")
def test_avoin_parse_reads_a_real_dynasty_item():
    result = avoin("parse", REAL_ITEM, "--platform", "dynasty", "--municipality", "espoo")
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert parsed["page"] == "action"
    (item,) = parsed["actions"]
    assert (item["id"], item["article_number"], item["register_id"]) == (
        "espoo:action:2017406946-3", "127", "730/2017")  # fmt: skip
    assert "links" not in parsed


# --- Permission stated by the page itself --------------------------------------------------------


def test_noindex_pages_are_neither_saved_nor_published_when_robots_are_obeyed(tmp_path):
    harvested, transformed, _ = harvest_and_transform(
        STATIC, "static-example", tmp_path / "data", obey_robots=True
    )
    line = report_line(harvested, "static-example")
    # Every HTML page says noindex: the meeting list, the organs' lists, meetings, items.
    html_pages = sum(1 for entry in manifest(STATIC)["entries"] if entry["path"].endswith(".HTM"))
    assert f"robots_noindex {html_pages}" in line, harvested.stdout
    with Store(tmp_path / "data" / "avoin.sqlite") as store:
        counts = store.counts()
    # Only the item PDFs (which say nothing of robots) were kept; no page's record.
    assert (counts["organizations"], counts["meetings"]) == (0, 0)
