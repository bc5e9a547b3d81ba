"""Faults, each against the replay server: after each the store is consistent, nothing
held is lost, the other municipalities are harvested, and the next run recovers."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from harvest.pipelines import RawSnapshotPipeline
from harvest.replay import ReplayServer
from tests.harvesting import ROOT, SAMPLE_SITES, avoin, write_sources
from transform.store import Store

pytestmark = pytest.mark.slow

HAMEENLINNA = SAMPLE_SITES / "ktweb" / "hameenlinna"
VAASA = SAMPLE_SITES / "ktweb" / "vaasa"


def entries(kind, site=HAMEENLINNA):
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    return [e for e in manifest["entries"] if e["kind"] == kind]


def key(entry):
    return f"{entry['path']}?{entry['query']}" if entry["query"] else entry["path"]


def requested(server, entry):
    return sum(1 for r in server.requests if r.path == key(entry))


def harvest(tmp_path, server, *extra, **sources_options):
    sources = write_sources(
        tmp_path / "sources.toml", {"hameenlinna": server.base_url}, **sources_options
    )
    result = avoin("harvest", *extra, "--sources", sources, "--data-dir", tmp_path / "data")
    return result, sources


def transform(tmp_path, sources):
    return avoin("transform", "--sources", sources, "--data-dir", tmp_path / "data")


def actions(tmp_path):
    with Store(tmp_path / "data" / "avoin.sqlite") as store:
        return {a["origin_id"]: a for a in store.actions()}


def status_line(result, municipality="hameenlinna"):
    return next(x for x in result.stdout.splitlines() if x.startswith(municipality))


def test_503_with_retry_after_is_waited_for_and_then_fetched(tmp_path):
    listing = entries("search_form")[0]
    with ReplayServer(HAMEENLINNA) as server:
        server.set_fault(key(listing), {"status": 503, "headers": {"Retry-After": "1"}, "times": 1})
        result, _ = harvest(tmp_path, server)
        assert requested(server, listing) == 2
    assert result.returncode == 0, result.stdout
    assert status_line(result).split()[-1] == "ok"


def test_500_for_one_item_is_counted_and_the_next_run_recovers(tmp_path):
    item = entries("item_document")[0]
    docid = item["query"].rsplit("=", 1)[1]
    with ReplayServer(HAMEENLINNA) as server:
        server.set_fault(key(item), {"status": 500})
        first, sources = harvest(tmp_path, server)
        assert "http_500" in status_line(first) and " ok" in status_line(first)
        transform(tmp_path, sources)
        assert "contents" not in actions(tmp_path)[docid]
        server.clear_faults()
        harvest(tmp_path, server)  # incremental: only what is missing is fetched
    transform(tmp_path, sources)
    assert actions(tmp_path)[docid]["contents"]


def test_404_for_one_item_leaves_the_rest(tmp_path):
    items = entries("item_document")
    with ReplayServer(HAMEENLINNA) as server:
        server.set_fault(key(items[0]), {"status": 404})
        result, sources = harvest(tmp_path, server)
    assert "http_404 1" in status_line(result)
    transform(tmp_path, sources)
    held = actions(tmp_path)
    assert (
        sum(1 for e in items[1:] if held[e["query"].rsplit("=", 1)[1]].get("contents"))
        == len(items) - 1
    )


def test_a_timeout_is_retried_and_a_lasting_one_counted(tmp_path):
    first, lasting = entries("item_document")[:2]
    with ReplayServer(HAMEENLINNA) as server:
        server.set_fault(key(first), {"delay": 3, "times": 1})
        server.set_fault(key(lasting), {"delay": 3})
        result, sources = harvest(tmp_path, server, download_timeout=1)
        assert requested(server, first) == 2
    assert "timeout 1" in status_line(result)
    transform(tmp_path, sources)
    assert actions(tmp_path)[first["query"].rsplit("=", 1)[1]].get("contents")


def test_a_page_in_the_wrong_encoding_still_reads_right(tmp_path):
    meeting = next(e for e in entries("meeting") if "windows-1252" in e["content_type"])
    text = (HAMEENLINNA / meeting["file"]).read_bytes().decode("cp1252")
    with ReplayServer(HAMEENLINNA) as server:
        # UTF-8 bytes while the header and the page's own meta still say windows-1252
        server.set_fault(
            key(meeting),
            {"body": text.encode("utf-8"), "content_type": "text/html; charset=windows-1252"},
        )
        _, sources = harvest(tmp_path, server)
    transform(tmp_path, sources)
    titles = " ".join(a.get("title", "") for a in actions(tmp_path).values())
    assert "Ã" not in titles  # no mojibake
    assert "ä" in titles


def test_a_changed_layout_fails_the_source_and_removes_nothing(tmp_path):
    with ReplayServer(HAMEENLINNA) as server:
        _, sources = harvest(tmp_path, server)
        transform(tmp_path, sources)
        before = actions(tmp_path)
        for form in entries("search_form"):
            server.set_fault(
                key(form),
                {
                    "body": "<html><body><div class=new>Uusi haku</div></body></html>",
                    "content_type": "text/html",
                },
            )
        result, _ = harvest(tmp_path, server, "--full")
    assert result.returncode == 1
    line = status_line(result)
    assert "FAILED" in line and ("empty_listing" in line or "parse_error" in line)
    transform(tmp_path, sources)
    assert actions(tmp_path) == before


def test_one_broken_source_does_not_stop_the_others(tmp_path):
    with ReplayServer(HAMEENLINNA) as broken, ReplayServer(VAASA) as healthy:
        for form in entries("search_form"):
            broken.set_fault(key(form), {"status": 500})
        sources = write_sources(
            tmp_path / "sources.toml",
            {"hameenlinna": broken.base_url, "vaasa": healthy.base_url},
            obey_robots=False,
        )
        result = avoin("harvest", "--sources", sources, "--data-dir", tmp_path / "data")
    assert result.returncode == 1
    assert "FAILED" in status_line(result, "hameenlinna")
    assert " ok" in status_line(result, "vaasa")


class FullDisk:
    """A stats collector stand-in, and a raw dir whose writes fail with ENOSPC."""

    def __init__(self):
        self.values = {}

    def inc_value(self, key):
        self.values[key] = self.values.get(key, 0) + 1


def test_disk_full_while_writing_a_snapshot_is_logged_and_retried_next_run(tmp_path, monkeypatch):
    stats = FullDisk()
    with Store(tmp_path / "avoin.sqlite") as store:
        run_id = store.start_run("harvest")
    pipeline = RawSnapshotPipeline(
        str(tmp_path / "avoin.sqlite"), str(tmp_path / "raw"), run_id, stats
    )
    pipeline.open_spider()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("transform.raw.os.write", full)
    monkeypatch.setattr("transform.raw.os.fsync", full)
    item = {
        "municipality": "hameenlinna",
        "platform": "ktweb",
        "page_kind": "action",
        "url": "http://x/ktproxy2.dll?doctype=3&docid=1",
        "method": "GET",
        "request_body": None,
        "context": {},
        "status": 200,
        "body": b"%PDF-1.4 ...",
    }
    pipeline.process_item(dict(item))
    monkeypatch.undo()
    assert stats.values == {"avoin/errors/snapshot_write_failed": 1, "avoin/pages_saved": 1}
    assert not any(p.is_file() for p in (tmp_path / "raw").rglob("*"))
    assert pipeline.store.last_good_fetch(item["url"]) is None  # so the next run fetches it
    pipeline.process_item(dict(item))
    assert pipeline.store.last_good_fetch(item["url"])["sha256"]
    pipeline.close_spider()


def kill_itself_during(tmp_path, script: str) -> int:
    """Run a script that SIGKILLs its own process mid-work; returns its exit status."""
    path = tmp_path / "killer.py"
    path.write_text(textwrap.dedent(script), encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode


def test_sigkill_during_transform_leaves_a_consistent_store_and_the_next_run_finishes(tmp_path):
    with ReplayServer(HAMEENLINNA) as server:
        _, sources = harvest(tmp_path, server)
    data = tmp_path / "data"
    status = kill_itself_during(
        tmp_path,
        f"""
        import os, signal
        from pathlib import Path
        from transform.run import transform_pending
        from transform.store import Store

        def progress(done, total):
            if done == 20:
                os.kill(os.getpid(), signal.SIGKILL)

        with Store(Path({str(data / "avoin.sqlite")!r})) as store:
            transform_pending(store, Path({str(data / "raw")!r}), progress=progress)
    """,
    )
    assert status == -signal.SIGKILL
    with Store(data / "avoin.sqlite") as store:
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = store.record_count()
    assert partial > 0
    finished = transform(tmp_path, sources)
    assert finished.returncode == 0
    reference = tmp_path / "reference"
    reference.mkdir()
    with ReplayServer(HAMEENLINNA) as server:
        _, reference_sources = harvest(reference, server)
    transform(reference, reference_sources)
    assert {k: (a.get("title"), a.get("contents")) for k, a in actions(tmp_path).items()} == {
        k: (a.get("title"), a.get("contents")) for k, a in actions(reference).items()
    }


def test_sigkill_during_build_keeps_the_live_site_and_the_next_build_publishes(tmp_path):
    out = tmp_path / "public"
    status = kill_itself_during(
        tmp_path,
        f"""
        import os, signal
        from pathlib import Path
        from pipeline.publish import publish

        def write(path, text):  # as every writer in a release must: replace, never rewrite
            path.with_suffix(".tmp").write_text(text)
            os.replace(path.with_suffix(".tmp"), path)

        def good(release):
            write(release / "index.html", "good")

        def dies_half_way(release):
            write(release / "index.html", "half")
            os.kill(os.getpid(), signal.SIGKILL)

        publish(Path({str(out)!r}), good)
        publish(Path({str(out)!r}), dies_half_way)
    """,
    )
    assert status == -signal.SIGKILL
    assert (out / "index.html").read_text() == "good"
    releases = list((tmp_path / ".public.releases").iterdir())
    assert len(releases) == 2  # the live one and the half-built one
    from pipeline.publish import publish

    publish(out, lambda release: (release / "index.html").write_text("next"))
    assert (out / "index.html").read_text() == "next"
    assert all(
        (r / ".release-complete").exists() for r in (tmp_path / ".public.releases").iterdir()
    )
    assert os.path.islink(out)
