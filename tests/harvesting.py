"""Helpers for tests that run the real `avoin` command against replay servers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SITES = ROOT / "sample_sites"

SOURCE_BLOCK = """
[[municipality]]
id = "{id}"
name_fi = "{id}"
name_sv = "{id}"
code = "{code}"
languages = ["fi"]
platform = "{platform}"
base_url = "{base_url}"
obey_robots = {obey}
permission = "{permission}"
"""


def write_sources(
    path: Path,
    sites: dict[str, str],
    *,
    obey_robots=False,
    contact="tests@example.invalid",
    platform="ktweb",
    download_timeout=None,
) -> Path:
    """A sources.toml naming each municipality -> its base URL (e.g. a replay server's).

    The sample sites mark their pages noindex/nofollow as real Tweb and Dynasty installs
    do, so by default the tests play sources that granted permission (obey_robots =
    false with a permission note); tests of robots pass ``obey_robots=True``."""
    text = f'[harvester]\ncontact = "{contact}"\nuser_agent = "AvoinBot/test ({{contact}})"\n'
    if download_timeout:
        text += f"download_timeout = {download_timeout}\n"
    for number, (municipality, base_url) in enumerate(sites.items(), 1):
        obey = obey_robots if isinstance(obey_robots, bool) else obey_robots[municipality]
        text += SOURCE_BLOCK.format(
            id=municipality,
            code=str(900 + number),
            base_url=base_url,
            obey=str(obey).lower(),
            platform=platform,
            permission="" if obey else "tests: the replayed site allows it",
        )
    path.write_text(text, encoding="utf-8")
    return path


def avoin(*args, timeout=300) -> subprocess.CompletedProcess:
    """Run the real command line in a fresh process (scrapy's reactor runs once per process)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
