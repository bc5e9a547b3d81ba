"""`avoin nightly` orchestration: exit statuses, reports, stale sources, notifications."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from harvest.run import SourceReport
from pipeline.lock import RunLock
from pipeline.nightly import NightlySteps, run_nightly
from pipeline.notify import NotifyConfig
from tests.harvesting import ROOT as PROJECT_ROOT

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


class FakeTransformReport:
    def as_dict(self):
        return {"documents": 3, "inserted": 1, "updated": 0, "unchanged": 2}

    def __str__(self):
        return "3 documents parsed, 0 errors; 1 inserted, 0 updated, 2 unchanged"


def source(municipality, *, ok=True):
    report = SourceReport(municipality, "ktweb", pages_saved=5 if ok else 0, requests=7)
    if not ok:
        report.errors = {"source_down": 1}
    return report


def steps(*sources, build_fails=False):
    def build(release, status):
        assert status["sources"]  # the status page gets the run report
        if build_fails:
            raise RuntimeError("template exploded")
        (release / "index.html").write_text("site", encoding="utf-8")
        return {"pages": 1}

    return NightlySteps(harvest=lambda: list(sources), transform=FakeTransformReport, build=build)


def test_all_sources_fine_exit_0_published_with_reports(tmp_path):
    report = run_nightly(
        steps(source("vaasa"), source("hameenlinna")),
        data_dir=tmp_path / "data",
        out=tmp_path / "public",
        now=lambda: NOW,
    )
    assert report.exit_status == 0 and report.published
    status = json.loads((tmp_path / "public" / "status.json").read_text())
    assert status["sources"]["vaasa"]["last_success"] == "2026-11-23T03:00:00+00:00"
    assert status["requests"] == {"vaasa": 7, "hameenlinna": 7}
    saved = json.loads((tmp_path / "data" / "runs" / "1.json").read_text())
    assert saved["exit_status"] == 0


def test_a_failed_source_exit_1_site_still_published(tmp_path):
    report = run_nightly(
        steps(source("vaasa", ok=False), source("hameenlinna")),
        data_dir=tmp_path / "data",
        out=tmp_path / "public",
        now=lambda: NOW,
    )
    assert report.exit_status == 1
    assert (tmp_path / "public" / "index.html").exists()
    assert report.sources["vaasa"]["errors"] == {"source_down": 1}


def test_build_failure_exit_2_keeps_the_live_site_and_notifies(tmp_path):
    data, out = tmp_path / "data", tmp_path / "public"
    run_nightly(steps(source("vaasa")), data_dir=data, out=out, now=lambda: NOW)
    received = tmp_path / "notified.json"
    script = f"import sys; open(r'{received}', 'wb').write(sys.stdin.buffer.read())"
    command = f'{sys.executable} -c "{script}"'
    report = run_nightly(
        steps(source("vaasa"), build_fails=True),
        data_dir=data,
        out=out,
        notify_config=NotifyConfig(command=command),
        now=lambda: NOW,
    )
    assert report.exit_status == 2 and not report.published
    assert (out / "index.html").read_text() == "site"
    assert json.loads(received.read_text())["exit_status"] == 2
    assert any("template exploded" in p for p in report.problems)


def test_a_source_without_success_for_over_3_days_is_stale(tmp_path):
    data, out = tmp_path / "data", tmp_path / "public"
    run_nightly(steps(source("vaasa")), data_dir=data, out=out, now=lambda: NOW - timedelta(days=4))
    second = run_nightly(steps(source("vaasa", ok=False)), data_dir=data, out=out, now=lambda: NOW)
    assert second.sources["vaasa"]["last_success"].startswith("2026-11-19")
    assert second.sources["vaasa"]["stale"] is True
    assert "STALE" in "\n".join(second.summary_lines())


def test_a_recent_success_is_not_stale(tmp_path):
    data, out = tmp_path / "data", tmp_path / "public"
    run_nightly(steps(source("vaasa")), data_dir=data, out=out, now=lambda: NOW - timedelta(days=1))
    second = run_nightly(steps(source("vaasa", ok=False)), data_dir=data, out=out, now=lambda: NOW)
    assert second.sources["vaasa"]["stale"] is False


def test_a_second_run_while_one_holds_the_lock_publishes_nothing(tmp_path):
    data = tmp_path / "data"
    with RunLock(data / "avoin.lock"):
        report = run_nightly(steps(source("vaasa")), data_dir=data, out=tmp_path / "public")
    assert report.exit_status == 2
    assert "another run" in report.problems[0]
    assert not (tmp_path / "public").exists()


@pytest.fixture
def webhook():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()


def test_a_failed_source_posts_the_report_to_the_webhook(tmp_path, webhook):
    url, received = webhook
    report = run_nightly(
        steps(source("vaasa", ok=False)),
        data_dir=tmp_path / "data",
        out=tmp_path / "public",
        notify_config=NotifyConfig(webhook=url),
    )
    assert report.exit_status == 1
    assert received[0]["sources"]["vaasa"]["ok"] is False


def test_a_broken_webhook_is_reported_not_hidden(tmp_path):
    report = run_nightly(
        steps(source("vaasa", ok=False)),
        data_dir=tmp_path / "data",
        out=tmp_path / "public",
        notify_config=NotifyConfig(webhook="http://127.0.0.1:9/nothing"),
    )
    assert report.exit_status == 1
    assert any("webhook failed" in p for p in report.problems)


def _as_unprivileged_user() -> list[str]:
    """Root ignores permission bits; run the command as nobody so they count."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a directory read-only")
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import cli"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        timeout=60,
    )
    if probe.returncode != 0:  # e.g. the interpreter lives under root's own 0700 home
        pytest.skip("nobody cannot run this Python: cannot test a read-only directory")
    return prefix


def test_a_read_only_data_dir_is_one_line_and_exit_2():
    """It was an uncaught OSError, exit 1 ("published, some sources failed") and no report."""
    root = Path(tempfile.mkdtemp(prefix="avoin-readonly-"))
    try:
        root.chmod(0o755)
        data = root / "data"
        (data / "raw").mkdir(parents=True)
        for directory in (data / "raw", data):
            directory.chmod(0o555)
        result = subprocess.run(
            [
                *_as_unprivileged_user(),
                sys.executable,
                "-m",
                "cli",
                "nightly",
                "--data-dir",
                str(data),
                "--out",
                str(root / "public"),
                "--sources",
                str(PROJECT_ROOT / "sample_sites" / "demo-sources.toml"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=PROJECT_ROOT,
        )
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert lines[0].startswith(f"avoin nightly: {data}") and "not writable" in lines[0]
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(root)], check=True)
        shutil.rmtree(root)


def test_a_path_going_read_only_during_the_run_is_exit_2_naming_it(tmp_path):
    def harvest():
        raise PermissionError(13, "Permission denied", str(tmp_path / "data" / "raw" / "ab"))

    report = run_nightly(
        NightlySteps(
            harvest=harvest, transform=FakeTransformReport, build=lambda release, status: {}
        ),
        data_dir=tmp_path / "data",
        out=tmp_path / "public",
        now=lambda: NOW,
    )
    assert report.exit_status == 2 and not report.published
    assert report.problems == [
        f"{tmp_path / 'data' / 'raw' / 'ab'} is not writable (Permission denied)"
    ]
