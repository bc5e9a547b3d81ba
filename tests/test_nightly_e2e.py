"""The real `avoin nightly` and `avoin rollback` on a sample site, night after night.

No step is faked (tests/test_nightly.py fakes them to test the orchestration): each night
is the command cron runs, against Hämeenlinna's sample site on a replay server.

1. a first night: everything fetched, published, exit 0; one item PDF is a bomb (a small
   file inflating to 300 MiB), which is one "document too large" error, every night;
2. a quiet night: listings (and recent meeting pages) re-checked, nothing changes, exit 0;
3. the source drops 3 items from a recent meeting page: 3 tombstones, exit 0;
4. the source is down: exit 1, the site published with the last good data;
5. kill -9 during the real build: the live site is untouched;
6. the next night publishes again, exit 0;
7. `avoin rollback` makes night 4's release live again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harvest.replay import ReplayServer
from pipeline.publish import COMPLETE_MARKER, current_release, releases_dir
from site_builder.paths import page_path
from tests.harvesting import ROOT, SAMPLE_SITES, avoin, write_sources
from tests.test_incremental import NEW_BID, add_meeting
from tests.test_parse_limits import pdf_bomb
from transform.store import Store

pytestmark = pytest.mark.slow

TOWN = "hameenlinna"
NEW_MEETING = f"{TOWN}:meeting:{NEW_BID}-minutes"
DROPPED = 3
BOMB = f"/ktwebbin/ktproxy2.dll?doctype=3&docid={NEW_BID}05"


def tree(path: Path) -> dict[str, str]:
    return {
        p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*"))
        if p.is_file()
    }


def drop_items(site: Path, count: int) -> None:
    """The source removes ``count`` items from the new meeting's page (its listing stays)."""
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["entries"] if e["query"] == f"+bid={NEW_BID}")
    page_file = site / entry["file"]
    page = page_file.read_text(encoding="cp1252")
    rows = [row for row in re.findall(r"<tr.*?</tr>", page, flags=re.S) if "docid=" in row]
    for row in rows[1 : 1 + count]:
        page = page.replace(row, "")
    page_file.write_text(page, encoding="cp1252")


class Nights:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.site = tmp / "site"
        shutil.copytree(SAMPLE_SITES / "ktweb" / TOWN, self.site)
        self.data, self.out = tmp / "data", tmp / "public"
        self.port = 0
        self.sources: Path | None = None

    def serving(self):
        bomb = self.tmp / "bomb.pdf"
        if not bomb.exists():
            bomb.write_bytes(pdf_bomb(300))
        faults = {BOMB: {"body_file": bomb, "content_type": "application/pdf"}}
        server = ReplayServer(self.site, port=self.port, faults=faults)
        server.start()
        self.port = urlsplit(server.url).port
        self.sources = write_sources(self.tmp / "sources.toml", {TOWN: server.base_url})
        return server

    def nightly_args(self) -> list[str]:
        return ["nightly", "--out", self.out, "--data-dir", self.data, "--sources", self.sources]

    def night(self, *, source_up=True):
        server = self.serving() if source_up else None
        try:
            result = avoin(*self.nightly_args())
        finally:
            if server:
                server.stop()
        return result, (server.requests if server else [])

    def kill_during_build(self) -> dict:
        """Start a night and SIGKILL it once its new release is being written."""
        server = self.serving()
        before = set(releases_dir(self.out).iterdir())
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "cli.py"), *map(str, self.nightly_args())],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            release = _wait_for_new_release(releases_dir(self.out), before, process)
            os.killpg(process.pid, signal.SIGKILL)
            status = process.wait(timeout=30)
        finally:
            server.stop()
        return {"status": status, "release": release}


def _wait_for_new_release(directory: Path, before: set, process) -> Path:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        for release in set(directory.iterdir()) - before:
            if (release / "data").is_dir():  # the build has begun writing: the dumps
                return release
        time.sleep(0.005)
    pytest.fail("the night ended before its build could be killed")


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    nights = Nights(tmp_path_factory.mktemp("nights"))
    today = date.today()
    add_meeting(nights.site, new_date=f"{today.day}.{today.month}.{today.year} 16:00")
    runs = {"first": nights.night()}
    runs["first_tree"] = tree(nights.out)
    runs["quiet"] = nights.night()
    drop_items(nights.site, DROPPED)
    runs["dropped"] = nights.night()
    runs["down"] = nights.night(source_up=False)
    runs["down_release"] = current_release(nights.out)
    runs["down_tree"] = tree(nights.out)
    runs["killed"] = nights.kill_during_build()
    runs["after_kill_tree"] = tree(nights.out)
    runs["after_kill_live"] = current_release(nights.out)
    runs["next"] = nights.night()
    runs["rollback"] = avoin("rollback", "--out", nights.out)
    return nights, runs


def _status(nights) -> dict:
    return json.loads((nights.out / "status.json").read_text(encoding="utf-8"))


def test_a_first_night_fetches_builds_and_publishes(nights):
    nights_, runs = nights
    result, requests = runs["first"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(requests) > 50
    assert nights_.out.is_symlink()
    assert (nights_.out / "fi" / page_path(NEW_MEETING)).is_file()
    assert any(path.startswith("pagefind/") for path in runs["first_tree"])
    assert (nights_.data / "runs" / "1.json").is_file()
    assert any(BOMB in request.path for request in requests)
    assert "document too large: streams inflate to over 256 MiB" in result.stdout


def test_a_quiet_night_changes_nothing(nights):
    _, runs = nights
    result, requests = runs["quiet"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 inserted, 0 updated" in result.stdout
    assert len(requests) < len(runs["first"][1]) / 3


def test_items_a_recent_meeting_page_dropped_become_tombstones(nights):
    nights_, runs = nights
    result, _ = runs["dropped"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{DROPPED} withdrawn" in result.stdout
    with Store(nights_.data / "avoin.sqlite") as store:
        actions = store.actions(meeting=NEW_MEETING, include_withdrawn=True)
    withdrawn = [a for a in actions if a.get("withdrawn_at")]
    assert len(withdrawn) == DROPPED
    page = (nights_.out / "fi" / page_path(withdrawn[0]["id"])).read_text(encoding="utf-8")
    assert "Lähde poisti tämän" in page  # the tombstone, without the text


def test_a_night_with_the_source_down_publishes_the_last_good_data_exit_1(nights):
    nights_, runs = nights
    result, _ = runs["down"]
    assert result.returncode == 1, result.stdout + result.stderr
    assert runs["down_release"] is not None
    assert (runs["down_release"] / "fi" / page_path(NEW_MEETING)).is_file()


def test_kill_9_during_the_real_build_leaves_the_live_site_as_it_was(nights):
    _, runs = nights
    killed = runs["killed"]
    assert killed["status"] == -signal.SIGKILL
    assert not (killed["release"] / COMPLETE_MARKER).exists()
    assert runs["after_kill_live"] == runs["down_release"]
    assert runs["after_kill_tree"] == runs["down_tree"]


def test_the_night_after_the_kill_publishes_and_clears_the_broken_release(nights):
    nights_, runs = nights
    result, _ = runs["next"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert not runs["killed"]["release"].exists()


def test_rollback_makes_the_previous_release_live_again(nights):
    nights_, runs = nights
    result = runs["rollback"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert current_release(nights_.out) == runs["down_release"]
    assert tree(nights_.out) == runs["down_tree"]
    assert _status(nights_)["exit_status"] == 1  # night 4's own report
