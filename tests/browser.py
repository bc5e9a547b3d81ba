"""Helpers for the real-browser tests: the demo site, a local server, headless Chromium, axe.

Chromium is Debian's (``/usr/bin/chromium``, installed by scripts/test.sh), driven by
Playwright's Python package with ``executable_path``, so nothing downloads a browser.
axe-core comes inside the ``axe-playwright-python`` wheel: no npm step to install it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium's own connections out are refused here and it stalls on them.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MISSING_HELP = "run `bash scripts/test.sh`, which installs it (as root: apt-get install chromium)"


def chromium_path() -> str | None:
    """AVOIN_CHROMIUM if set (a path), else Debian's chromium."""
    configured = os.environ.get("AVOIN_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    found = shutil.which("chromium")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None)


def require_browser() -> str:
    """Chromium's path; without it (or Playwright) CI fails loudly, a developer sees a skip."""
    problem = None
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as error:
        problem = f"{error.name} is not installed: pip install -e '.[test]'"
    path = chromium_path()
    if problem is None and path is None:
        problem = f"Chromium not found: {MISSING_HELP}"
    if problem is None:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {problem}", pytrace=False)
    pytest.skip(f"browser tests skipped: {problem}")


def build_demo_site(tmp: Path) -> Path:
    """`avoin demo` in a fresh process (scrapy's reactor runs once per process)."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "cli.py"),
            "demo",
            "--out",
            str(tmp / "public"),
            "--data-dir",
            str(tmp / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "public"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that navigates away mid-download resets the connection; not a failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    with _QuietServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            thread.join(timeout=10)


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the loaded page, as compact dicts."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options).response
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
    ]


@dataclass(frozen=True)
class SitePage:
    kind: str
    language: str
    path: str  # URL path relative to the site root, e.g. "fi/vaasa/action/123/"

    def __str__(self) -> str:
        return f"{self.language}-{self.kind}"


def url_path(relative_file: str) -> str:
    """``fi/vaasa/index.html`` -> ``fi/vaasa/``: how the site links its pages."""
    return relative_file.removesuffix("index.html")


def showcase_action(actions: list[dict]) -> dict:
    """A real decision to search for and photograph: numbered, with a register id, title,
    organ and meeting; from minutes (which hold the decision) when there are any."""
    candidates = [
        action
        for action in actions
        if action.get("register_id")
        and action.get("title")
        and action.get("article_number")
        and action.get("organization")
        and action.get("meeting")
        and not action.get("withdrawn_at")
    ]
    assert candidates, "the demo has no numbered action with a register id"
    return min(
        candidates, key=lambda action: (not action["meeting"].endswith("-minutes"), action["id"])
    )
