"""The real KTweb spider, end to end, against the sample sites replayed on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import re
import socket

import pytest

from harvest.platforms import parse_page
from harvest.replay import ReplayServer
from tests.harvesting import SAMPLE_SITES, avoin, write_sources
from transform.store import Store

pytestmark = pytest.mark.slow

HAMEENLINNA = SAMPLE_SITES / "ktweb" / "hameenlinna"
VAASA = SAMPLE_SITES / "ktweb" / "vaasa"


def manifest(site):
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))


def closed_port_url() -> str:
    """A URL nobody listens on: connection refused, like a source that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/ktwebscr/"


@pytest.fixture(scope="module")
def harvested(tmp_path_factory):
    """One harvest of Hämeenlinna's sample site; the server's request log is kept."""
    tmp = tmp_path_factory.mktemp("harvest")
    with ReplayServer(HAMEENLINNA) as server:
        sources = write_sources(tmp / "sources.toml", {"hameenlinna": server.base_url})
        result = avoin("harvest", "--sources", sources, "--data-dir", tmp / "data")
        requests = server.requests
    return tmp / "data", result, requests


def test_harvest_succeeds_and_reports_the_source(harvested):
    _, result, _ = harvested
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("hameenlinna"))
    assert line.split()[-1] == "ok"


def test_every_item_document_linked_from_meetings_is_fetched(harvested):
    _, _, requests = harvested
    fetched = {r.path for r in requests}
    documents = [
        e
        for e in manifest(HAMEENLINNA)["entries"]
        if e["kind"] in ("item_document", "cover_document", "appeal_document")
    ]
    assert documents
    missing = [
        e["path"] + "?" + e["query"]
        for e in documents
        if e["path"] + "?" + e["query"] not in fetched
    ]
    assert missing == []


def test_every_meeting_page_and_attachment_list_is_fetched(harvested):
    _, _, requests = harvested
    fetched = {r.path for r in requests}
    for entry in manifest(HAMEENLINNA)["entries"]:
        if entry["kind"] in ("meeting", "attachment_list"):
            assert f"{entry['path']}?{entry['query']}" in fetched


def test_one_harvest_log_row_per_request_and_snapshots_named_by_sha256(harvested):
    data, _, requests = harvested
    page_requests = [r for r in requests if not r.path.endswith("robots.txt")]
    with Store(data / "avoin.sqlite") as store:
        rows = store._db.execute("SELECT url, sha256, status FROM harvest_log").fetchall()
    assert len(rows) == len(page_requests)
    for _, sha256, status in rows:
        assert status == 200
        snapshot = data / "raw" / sha256[:2] / sha256
        assert hashlib.sha256(snapshot.read_bytes()).hexdigest() == sha256


def test_requests_identify_us_with_the_contact_address(harvested):
    _, _, requests = harvested
    assert requests
    assert all("tests@example.invalid" in r.user_agent for r in requests)


def test_robots_txt_is_fetched_first_and_obeyed(tmp_path):
    with ReplayServer(VAASA) as server:  # its robots.txt says Disallow: /
        sources = write_sources(
            tmp_path / "sources.toml", {"vaasa": server.base_url}, obey_robots=True
        )
        result = avoin("harvest", "--sources", sources, "--data-dir", tmp_path / "data")
        paths = [r.path for r in server.requests]
    assert paths == ["/robots.txt"]
    assert result.returncode == 1
    assert "robots_forbidden" in result.stdout


def test_robots_override_in_configuration_is_used_and_said(tmp_path):
    with ReplayServer(VAASA) as server:
        sources = write_sources(
            tmp_path / "sources.toml", {"vaasa": server.base_url}, obey_robots=False
        )
        result = avoin("harvest", "--sources", sources, "--data-dir", tmp_path / "data")
        count = len(server.requests)
    assert result.returncode == 0, result.stdout + result.stderr
    assert count > 20
    assert "robots ignored with permission: tests: the replayed site allows it" in result.stdout


def test_a_source_that_is_down_does_not_stop_the_others(tmp_path):
    with ReplayServer(HAMEENLINNA) as server:
        sources = write_sources(
            tmp_path / "sources.toml", {"vaasa": closed_port_url(), "hameenlinna": server.base_url}
        )
        result = avoin("harvest", "--sources", sources, "--data-dir", tmp_path / "data")
    assert result.returncode == 1
    lines = {x.split()[0]: x for x in result.stdout.splitlines() if x[:1].isalpha()}
    assert lines["hameenlinna"].split()[-1] == "ok"
    assert "FAILED" in lines["vaasa"] and "source_down" in lines["vaasa"]
    with Store(tmp_path / "data" / "avoin.sqlite") as store:
        failed = store._db.execute(
            "SELECT count(*) FROM harvest_log"
            " WHERE municipality='vaasa' AND error LIKE 'source_down%'"
        ).fetchone()[0]
    assert failed >= 1


def test_bad_documents_are_counted_and_lose_nothing(tmp_path):
    """A truncated PDF and an HTML error page in place of a PDF, on a second harvest."""
    data = tmp_path / "data"
    documents = [e for e in manifest(HAMEENLINNA)["entries"] if e["kind"] == "item_document"]
    truncated, replaced = (f"{e['path']}?{e['query']}" for e in documents[:2])
    with ReplayServer(HAMEENLINNA) as server:
        sources = write_sources(tmp_path / "sources.toml", {"hameenlinna": server.base_url})
        assert avoin("harvest", "--sources", sources, "--data-dir", data).returncode == 0
        assert avoin("transform", "--sources", sources, "--data-dir", data).returncode == 0
        before = _actions(data)
        server.set_fault(truncated, {"truncate": 400})
        server.set_fault(
            replaced,
            {"body": "<html><body>Kirjaudu sisään</body></html>", "content_type": "text/html"},
        )
        avoin("harvest", "--full", "--sources", sources, "--data-dir", data)
    result = avoin("transform", "--sources", sources, "--data-dir", data)
    assert result.returncode == 1
    assert "2 errors" in result.stdout
    assert _actions(data) == before  # nothing already held is lost or changed


def _actions(data):
    with Store(data / "avoin.sqlite") as store:
        return {a["id"]: (a.get("title"), a.get("contents")) for a in store.actions()}


def test_a_row_without_a_link_is_counted_and_the_rest_of_the_meeting_kept(tmp_path):
    data = tmp_path / "data"
    entry = next(e for e in manifest(HAMEENLINNA)["entries"] if e["kind"] == "meeting")
    page = (HAMEENLINNA / entry["file"]).read_bytes().decode("cp1252")
    url = f"http://127.0.0.1{entry['path']}?{entry['query']}"
    items = parse_page("ktweb", "meeting", page.encode("cp1252"), url, "hameenlinna")["actions"]
    broken = re.sub(r'<a href="[^"]*ktproxy2\.dll[^"]*docid=\d+">([^<]*)</a>', r"\1", page, count=1)
    with ReplayServer(HAMEENLINNA) as server:
        server.set_fault(
            f"{entry['path']}?{entry['query']}",
            {"body": broken, "content_type": "text/html; charset=windows-1252"},
        )
        sources = write_sources(tmp_path / "sources.toml", {"hameenlinna": server.base_url})
        avoin("harvest", "--sources", sources, "--data-dir", data)
    result = avoin("transform", "--sources", sources, "--data-dir", data)
    assert "1 skipped rows" in result.stdout
    assert "no document link" in result.stdout
    with Store(data / "avoin.sqlite") as store:
        meeting_id = next(
            m["id"]
            for m in store.meetings()
            if m["source_url"].endswith(entry["query"])
            and m["source_url"].split("/")[-1].startswith(entry["path"].split("/")[-1])
        )
        kept = store.actions(meeting=meeting_id)
    assert len(kept) == len(items) - 1


def test_an_item_the_source_removed_becomes_a_tombstone_but_an_error_removes_nothing(tmp_path):
    data = tmp_path / "data"
    entry = next(
        e
        for e in manifest(HAMEENLINNA)["entries"]
        if e["kind"] == "meeting" and e["path"].endswith("pk_asil_tweb.htm")
    )
    key = f"{entry['path']}?{entry['query']}"
    page = (HAMEENLINNA / entry["file"]).read_bytes().decode("cp1252")
    row_of_docid = r"<tr[^>]*>(?:(?!</tr>).)*?ktproxy2\.dll[^\"]*docid=(\d+)(?:(?!</tr>).)*?</tr>"
    rows = re.findall(row_of_docid, page, flags=re.S)
    removed_docid = rows[-3]  # a numbered item (the last rows: appeal, whole minutes)
    without_row = re.sub(
        rf"<tr[^>]*>(?:(?!</tr>).)*?docid={removed_docid}\"(?:(?!</tr>).)*?</tr>",
        "",
        page,
        flags=re.S,
    )
    with ReplayServer(HAMEENLINNA) as server:
        sources = write_sources(tmp_path / "sources.toml", {"hameenlinna": server.base_url})
        avoin("harvest", "--sources", sources, "--data-dir", data)
        avoin("transform", "--sources", sources, "--data-dir", data)
        server.set_fault(key, {"status": 500})
        avoin("harvest", "--full", "--sources", sources, "--data-dir", data)
        assert (
            "withdrawn" not in avoin("transform", "--sources", sources, "--data-dir", data).stdout
        )
        server.set_fault(
            key, {"body": without_row, "content_type": "text/html; charset=windows-1252"}
        )
        avoin("harvest", "--full", "--sources", sources, "--data-dir", data)
    result = avoin("transform", "--sources", sources, "--data-dir", data)
    assert "1 withdrawn" in result.stdout
    with Store(data / "avoin.sqlite") as store:
        tombstone = next(
            a for a in store.actions(include_withdrawn=True) if a["origin_id"] == removed_docid
        )
        assert tombstone["withdrawn_at"] and "contents" not in tombstone
        assert sum(1 for a in store.actions() if a["origin_id"] == removed_docid) == 0


def test_robots_meta_noindex_nofollow_is_honoured_when_robots_are_obeyed(tmp_path):
    """Tweb marks every page noindex, nofollow: obeying it, nothing is saved or followed,
    and the source fails with the reason counted (never an empty archive that looks fine)."""
    with ReplayServer(HAMEENLINNA) as server:
        sources = write_sources(
            tmp_path / "sources.toml", {"hameenlinna": server.base_url}, obey_robots=True
        )
        result = avoin("harvest", "--sources", sources, "--data-dir", tmp_path / "data")
        paths = [r.path for r in server.requests]
    line = next(x for x in result.stdout.splitlines() if x.startswith("hameenlinna"))
    assert result.returncode == 1 and "FAILED" in line
    assert "robots_noindex" in line and "robots_nofollow" in line
    assert paths[0] == "/robots.txt"  # robots.txt allows: the pages themselves forbid
    assert not any("epj_kokl_tweb" in path for path in paths)  # no link was followed
    with Store(tmp_path / "data" / "avoin.sqlite") as store:
        assert store.counts()["meetings"] == 0
