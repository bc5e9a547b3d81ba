"""Incremental harvest: a quiet night costs one request per listing; a new meeting costs
that meeting and its documents. The figures are printed (run pytest with -s to see them)."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import urlsplit

import pytest

from harvest.platforms import parse_page
from harvest.replay import ReplayServer
from tests.harvesting import SAMPLE_SITES, avoin, write_sources
from transform.store import Store

pytestmark = pytest.mark.slow

LISTING_PAGES = (
    "robots.txt",
    "pk_tek_tweb.htm",
    "epj_tek_tweb.htm",
    "pk_kokl_tweb.htm",
    "epj_kokl_tweb.htm",
)
NEW_BID = "39999"
RECENT_MEETING_PAGES = ("pk_asil_tweb.htm", "epj_asil_tweb.htm")


def page_name(path):
    return urlsplit(path).path.rsplit("/", 1)[-1]


def add_meeting(site, new_date="20.11.2026 16:00"):
    """Publish a copy of a minutes meeting under a new bid, with new document ids."""
    manifest_path = site / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entries = manifest["entries"]
    meeting = next(
        e for e in entries if e["kind"] == "meeting" and e["path"].endswith("pk_asil_tweb.htm")
    )
    old_bid = meeting["query"].split("=")[1]
    page = (site / meeting["file"]).read_text(encoding="cp1252")
    docids = list(dict.fromkeys(re.findall(r"docid=(\d+)", page)))
    renumber = {old: f"{NEW_BID}{n:02d}" for n, old in enumerate(docids)}
    for old, new in renumber.items():
        page = page.replace(f"docid={old}", f"docid={new}").replace(f'?{old}"', f'?{new}"')
        for entry in [e for e in entries if e["query"] in (f"doctype=3&docid={old}", old)]:
            copy = dict(
                entry, query=entry["query"].replace(old, new), file=entry["file"].replace(old, new)
            )
            shutil.copy(site / entry["file"], site / copy["file"])
            entries.append(copy)
    page = page.replace(f"bid={old_bid}", f"bid={NEW_BID}")
    new_meeting = dict(
        meeting, query=f"+bid={NEW_BID}", file=meeting["file"].replace(old_bid, NEW_BID)
    )
    (site / new_meeting["file"]).write_text(page, encoding="cp1252")
    entries.append(new_meeting)
    _list_in_meeting_list(site, entries, old_bid, new_date)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    url = f"http://127.0.0.1{new_meeting['path']}?{new_meeting['query']}"
    links = parse_page("ktweb", "meeting", page.encode("cp1252"), url, "hameenlinna")["links"]
    return {urlsplit(url)._replace(scheme="", netloc="").geturl()} | {
        urlsplit(link["url"])._replace(scheme="", netloc="").geturl() for link in links
    }


def _list_in_meeting_list(site, entries, old_bid, new_date):
    for entry in entries:
        if entry["kind"] != "meeting_list" or not entry["path"].endswith("pk_kokl_tweb.htm"):
            continue
        listing = site / entry["file"]
        text = listing.read_text(encoding="cp1252")
        row = re.search(
            rf"<tr[^>]*>(?:(?!</tr>).)*?bid={old_bid}\"(?:(?!</tr>).)*?</tr>", text, flags=re.S
        )
        if row:
            new_row = re.sub(
                r"\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}",
                new_date,
                row.group(0).replace(f"bid={old_bid}", f"bid={NEW_BID}"),
                count=1,
            )
            listing.write_text(
                text.replace(row.group(0), new_row + row.group(0)), encoding="cp1252"
            )


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """Three harvests: the first, a quiet second night, a night after a new meeting."""
    tmp = tmp_path_factory.mktemp("incremental")
    site = tmp / "site"
    shutil.copytree(SAMPLE_SITES / "ktweb" / "hameenlinna", site)
    data = tmp / "data"
    runs = []
    port = 0
    for night in range(3):
        if night == 2:
            new_pages = add_meeting(site)
        with ReplayServer(site, port=port) as server:
            port = urlsplit(server.url).port
            sources = write_sources(tmp / "sources.toml", {"hameenlinna": server.base_url})
            harvest = avoin("harvest", "--sources", sources, "--data-dir", data)
            requests = [r.path for r in server.requests]
        transform = avoin("transform", "--sources", sources, "--data-dir", data)
        runs.append((harvest, requests, transform))
    return runs, new_pages, data


def test_first_night_fetches_everything(nights):
    (harvest, requests, _), *_ = nights[0]
    assert harvest.returncode == 0, harvest.stdout + harvest.stderr
    assert sum("ktproxy2.dll" in r for r in requests) > 20
    # The public attachments' files (doctype=1) come with their items, each once.
    attachment_files = [r for r in requests if "doctype=1" in r]
    assert len(attachment_files) == len(set(attachment_files)) > 0


def test_quiet_night_costs_one_request_per_listing_and_changes_nothing(nights, capsys):
    runs, _, data = nights
    first, quiet = runs[0][1], runs[1][1]
    listings = [r for r in first if page_name(r) in LISTING_PAGES]
    with capsys.disabled():
        print(
            f"\n  first night: {len(first)} requests; quiet night: {len(quiet)} requests "
            f"(listings: {len(listings)})"
        )
    rechecked = [r for r in quiet if page_name(r) not in LISTING_PAGES]
    with capsys.disabled():
        print(
            f"  quiet night: {len(quiet) - len(rechecked)} listing requests, "
            f"{len(rechecked)} recent meeting pages re-checked"
        )
    assert runs[1][0].returncode == 0, runs[1][0].stdout
    # Besides the listings, only meeting pages of the recent window, conditionally.
    assert all(page_name(r) in RECENT_MEETING_PAGES for r in rechecked)
    assert len(quiet) - len(rechecked) <= len(listings)
    with Store(data / "avoin.sqlite") as store:
        held = store.record_count()
    assert "0 inserted, 0 updated" in runs[1][2].stdout
    assert f"{held} unchanged" in runs[1][2].stdout or "0 documents parsed" in runs[1][2].stdout


def test_a_new_meeting_costs_that_meeting_its_documents_and_little_else(nights, capsys):
    runs, new_pages, data = nights
    requests = runs[2][1]
    fetched_new = [r for r in requests if NEW_BID in r]
    other = [r for r in requests if NEW_BID not in r and page_name(r) not in LISTING_PAGES]
    with capsys.disabled():
        print(
            f"  night after a new meeting: {len(requests)} requests, "
            f"{len(fetched_new)} for the new meeting, {len(other)} re-checks of known pages"
        )
    assert len(new_pages) >= 6  # the meeting page, its item documents, attachment lists
    assert new_pages <= set(requests)
    assert not any("ktproxy2.dll" in r for r in other)  # no known document fetched again
    # The new meeting is a copy: its attachment lists are new pages, but they link the
    # files already fetched, and an attachment's file is fetched once.
    assert any("epjattn_tweb.htm" in r for r in fetched_new)
    assert not any("doctype=1" in r for r in requests)
    assert len(other) <= 3  # recent meeting pages re-checked, conditionally
    with Store(data / "avoin.sqlite") as store:
        new_meeting = store.actions(meeting=f"hameenlinna:meeting:{NEW_BID}-minutes")
    assert len([a for a in new_meeting if a.get("article_number")]) == 5
